// ESLint flat config: typescript-eslint's recommended rules over all TypeScript sources.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  { files: ['server/**/*.ts', 'rules/**/*.ts'], rules: { 'no-restricted-syntax': ['error', ...noDoubleCast] } },
);
