// ESLint flat config: typescript-eslint's recommended rules over all TypeScript sources, and the
// layering rule (tools/lint/layers.js, README "Architecture"): a wrong import fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layersRule } from './tools/lint/layers.js';

// Data is typed where it enters (STYLE.md): a cast through `unknown` (`x as unknown as T`, or
// `<T><unknown>x`) throws a checked type away. Type the value where it is made instead (a typed
// cursor, a generic, a spread copy). Proved by test/unit/architecture/no-double-cast.test.ts.
const CASTS = ['TSAsExpression', 'TSTypeAssertion'];
const noDoubleCast = CASTS.flatMap((outer) => CASTS.map((inner) => ({
  selector: `${outer}[expression.type='${inner}'][expression.typeAnnotation.type='TSUnknownKeyword']`,
  message: 'No double cast through unknown (`as unknown as T`) in server/ and rules/: type the value where it enters.',
})));

export default tseslint.config(
  { ignores: ['node_modules/', 'coverage/', 'data/', 'tools/mongo-dev-server/lib/', '.run/', '.node/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { perkwire: { rules: { layers: layersRule } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      'perkwire/layers': 'error',
    },
  },
  {
    // Workers reach MongoDB only through server/loyalty services (a query here would bypass the
    // domain's invariants): no `models.X` / `deps.models.X` member access.
    files: ['workers/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "MemberExpression[object.name='models']", message: 'workers reach the store through server/loyalty services, not models.<Model>' },
        { selector: "MemberExpression[object.property.name='models']", message: 'workers reach the store through server/loyalty services, not deps.models.<Model>' },
      ],
    },
  },
  { files: ['server/**/*.ts', 'rules/**/*.ts'], rules: { 'no-restricted-syntax': ['error', ...noDoubleCast] } },
);
