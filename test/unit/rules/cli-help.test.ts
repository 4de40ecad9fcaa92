/** `npm run rules -- <command> --help`: every command explains itself with its options and runnable examples. */
import { expect } from 'chai';
import { COMMANDS } from '../../../rules/cli/index.js';
import { rulesCli } from './cli-run.js';

describe('rules CLI help', function () {
  this.timeout(90000);

  it('lists every command with its summary and the exit codes (exit 0)', () => {
    const r = rulesCli('--help');
    expect(r.code, r.out).to.equal(0);
    for (const c of COMMANDS) expect(r.out).to.contain(c.name).and.contain(c.summary);
    expect(r.out).to.contain('Exit codes: 0 success');
  });

  for (const c of COMMANDS) {
    it(`${c.name} --help shows its options and examples`, () => {
      const r = rulesCli(c.name, '--help');
      expect(r.code, r.out).to.equal(0);
      expect(r.out).to.contain(`Usage: npm run rules -- ${c.name}`).and.contain('Examples:');
      for (const o of c.options) expect(r.out).to.contain(o.flags.split(' ')[0]);
      expect(c.examples.length).to.be.greaterThan(0);
      for (const e of c.examples) {
        expect(e.startsWith(`${c.name} `), e).to.equal(true);
        expect(r.out).to.contain(`npm run rules -- ${e}`);
      }
    });
  }

  it('an unknown command or option, or no command, is a usage error (exit 2) that points at --help', () => {
    const unknown = rulesCli('frobnicate');
    expect(unknown.code).to.equal(2);
    expect(unknown.out).to.contain("unknown command 'frobnicate'").and.contain('--help');
    const option = rulesCli('validate', 'rules/programs/demo.json', '--colour', 'red');
    expect(option.code).to.equal(2);
    expect(option.out).to.contain("unknown option '--colour'");
    expect(rulesCli().code).to.equal(2);
  });
});
