import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { accrual, offers, validateProgram, type Program } from '../../../rules/index.js';
import { fixtureContext } from '../../../rules/fixtures.js';

function load(file: string): Program {
  const r = validateProgram(JSON.parse(readFileSync(file, 'utf8')));
  if (!r.ok) throw new Error(file);
  return r.program;
}

describe('concurrency: overlapping evaluations share nothing mutable', () => {
  it('100 concurrent evaluations give the same results as sequential ones', async () => {
    const programs = [load('rules/programs/demo.json'), load('rules/programs/cafe.json')];
    const jobs = Array.from({ length: 100 }, (_, i) => {
      const program = programs[i % 2] as Program;
      const fixture = program.fixtures[i % program.fixtures.length];
      if (!fixture) throw new Error('no fixture');
      return { program, context: fixtureContext(program, fixture) };
    });
    const evaluate = async (j: (typeof jobs)[number]) => ({ offers: await offers(j.program, j.context), accrual: await accrual(j.program, j.context) });
    const sequential = [];
    for (const j of jobs) sequential.push(await evaluate(j));
    const concurrent = await Promise.all(jobs.map(evaluate));
    expect(concurrent).to.deep.equal(sequential);
  });
});
