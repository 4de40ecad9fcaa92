/** The README is a runnable story: its configuration table and commands must match the code. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { describeSettings } from '../../../config/index.js';

const readme = readFileSync('README.md', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };

describe('README', () => {
  it('documents every configuration setting with its default', () => {
    for (const setting of describeSettings()) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${setting.name}\` |`));
      expect(row, `README row for ${setting.name}`).to.be.a('string');
      if (setting.default !== '' && setting.default !== undefined) expect(row).to.include(`\`${String(setting.default)}\``);
    }
  });

  it('names only npm scripts that exist', () => {
    const used = [...readme.matchAll(/npm run ([a-z:]+)/g)].map((m) => m[1]!);
    expect(used.length).to.be.greaterThan(3);
    for (const script of used) expect(pkg.scripts, `npm run ${script}`).to.have.property(script);
  });

  it('gives the two-command quick start', () => {
    expect(readme).to.match(/npm start\s+#/);
    expect(readme).to.match(/npm test\s+#/);
    expect(pkg.scripts.start).to.be.a('string');
    expect(pkg.scripts.test).to.be.a('string');
  });
});
