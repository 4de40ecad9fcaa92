/** The README is a runnable story: its configuration table and commands must match the code. */
import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
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
    const used = [...readme.matchAll(/npm run ([a-z0-9:]+)/g)].map((m) => m[1]!);
    expect(used.length).to.be.greaterThan(3);
    for (const script of used) expect(pkg.scripts, `npm run ${script}`).to.have.property(script);
  });

  it('gives the two-command quick start', () => {
    expect(readme).to.match(/npm start\s+#/);
    expect(readme).to.match(/npm test\s+#/);
    expect(pkg.scripts.start).to.be.a('string');
    expect(pkg.scripts.test).to.be.a('string');
  });

  it('shows the dashboard screenshots it links, each a committed PNG', () => {
    const images = [...readme.matchAll(/(?:\]\(|src=")(docs\/screenshots\/[a-z-]+\.png)/g)].map((m) => m[1]!);
    expect(images).to.include.members(['docs/screenshots/programs.png', 'docs/screenshots/simulate.png', 'docs/screenshots/members.png', 'docs/screenshots/reports.png']);
    for (const image of images) {
      expect(existsSync(image), image).to.equal(true);
      expect(readFileSync(image).subarray(1, 4).toString(), image).to.equal('PNG');
    }
  });
});
