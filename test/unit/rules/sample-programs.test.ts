import { expect } from 'chai';
import { loadProgramFile } from '../../../rules/index.js';
import { runFixtures } from '../../../rules/fixtures.js';

describe('sample programs (rules/programs)', () => {
  for (const file of ['rules/programs/demo.json', 'rules/programs/cafe.json']) {
    it(`${file}: valid, at least 15 fixtures, all passing`, async () => {
      const loaded = await loadProgramFile(file);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
      expect(loaded.program.fixtures.length).to.be.at.least(15);
      const failures = (await runFixtures(loaded.program)).filter((o) => !o.ok);
      expect(failures).to.deep.equal([]);
    });
  }

  it('demo: program id, version and the Union Square location in New York', async () => {
    const loaded = await loadProgramFile('rules/programs/demo.json');
    if (!loaded.ok) throw new Error('invalid');
    expect(loaded.program).to.include({ id: 'demo', version: '2026.11.0' });
    expect(loaded.program.locations[0]).to.include({ guid: '6f9e4a52-7a7e-4c1f-9a51-2f0d6c1b7e01', timezone: 'America/New_York' });
  });
});
