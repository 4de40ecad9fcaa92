/**
 * `npm run members` as an operator runs it (real processes against the real store):
 * - `update` (issue 17 §8): names set on a member Toast's SIGNUP created without one, so Toast's
 *   name search finds it; email and phone stay unique; `--no-email` clears; bad input refused.
 * - `rekey` (issue 9 §6): members written before lookup keys were keyed hashes — old-style keys
 *   `demo|phone|6175550123` holding the values in the clear — are found by phone, email and card
 *   again, the old keys are gone, keys of missing members removed, a second run changes nothing;
 *   a key in flight is left alone; a phone held by two members is reported, not overwritten.
 * - every command (and ledger:verify / ledger:repair) has `--help` with examples; an unreachable
 *   database is named, with how to start it, by the member and ledger tools.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import mongoose from 'mongoose';
import { memberByKey, resolveMember, searchMembers, signUp } from '../../../server/loyalty/members/members.js';
import { publishProgramsFromDir } from '../../../server/loyalty/programs/programs.js';
import { registerModels, type Models } from '../../../server/store/models/index.js';
import { MEMBER_COMMANDS } from '../../../scripts/members/index.js';
import { connectTestDb, dropTestDb, serviceUrls } from '../../support/services.js';
import { runToolCaptured } from '../../support/tool-output.js';

const SECRET = 'operator-test-member-key-secret-0123456789';
const LONG_AGO = new Date('2026-06-01T00:00:00Z');

describe('npm run members (update, rekey, help)', function () {
  this.timeout(120_000);
  let conn: mongoose.Connection;
  let models: Models;
  let uri: string;

  before(async () => {
    conn = await connectTestDb('members');
    models = await registerModels(conn, { memberKeySecret: SECRET });
    await publishProgramsFromDir(models, 'rules/programs', new Date());
    const url = new URL(serviceUrls().mongodbUri);
    url.pathname = `/${conn.name}`;
    uri = url.toString();
  });
  after(async () => { await dropTestDb(conn); });

  function members(...args: string[]) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/members.ts', ...args], {
      env: { ...process.env, MONGODB_URI: uri, MEMBER_KEY_SECRET: SECRET }, encoding: 'utf8', timeout: 60_000,
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  describe('update', () => {
    it("names a member Toast's SIGNUP created without a name, so Toast's name search finds it", async () => {
      const m = await signUp(models, 'demo', { phone: '6175550111' }, new Date());
      const search = () => searchMembers(models, 'demo', { firstName: 'Ada', lastName: 'Lovelace' }, { autoEnrol: false, now: new Date() });
      expect(await search()).to.deep.equal([]);
      const r = members('update', '617-555-0111', '--first-name', 'Ada', '--last-name', 'Lovelace', '--email', 'Ada@Example.com');
      expect(r.code, r.err).to.equal(0);
      expect(r.out).to.equal(`updated member ${m.loyaltyIdentifier} of program demo: firstName, lastName, email\n`);
      expect(r.out + r.err).to.not.include('Lovelace').and.to.not.include('example.com');
      expect((await search()).map((f) => f.loyaltyIdentifier)).to.deep.equal([m.loyaltyIdentifier]);
      expect((await resolveMember(models, 'demo', m.loyaltyIdentifier))).to.include({ email: 'ada@example.com', firstName: 'Ada' });
    });

    it('keeps phone and email unique, clears with --no-email, and refuses bad input', async () => {
      const a = await signUp(models, 'demo', { phone: '6175550112' }, new Date());
      const b = await signUp(models, 'demo', { email: 'taken@example.com' }, new Date());
      const taken = members('update', a.loyaltyIdentifier, '--email', 'taken@example.com');
      expect(taken.code).to.equal(1);
      expect(taken.err).to.include('another member of program demo has this email');
      expect((await models.Member.findById(a._id).lean())!.email).to.equal(null);
      const cleared = members('update', b.loyaltyIdentifier, '--no-email', '--phone', '(617) 555-0113');
      expect(cleared.code, cleared.err).to.equal(0);
      expect(await models.Member.findById(b._id).lean()).to.include({ email: null, phone: '6175550113' });
      // The email is free again; the new phone finds b.
      expect(members('update', a.loyaltyIdentifier, '--email', 'taken@example.com').code).to.equal(0);
      expect(String((await resolveMember(models, 'demo', '6175550113'))!._id)).to.equal(String(b._id));

      expect(members('update', a.loyaltyIdentifier).code).to.equal(2);
      expect(members('update', a.loyaltyIdentifier, '--email', 'not-an-email').err).to.include('--email must be an email address');
      expect(members('update', a.loyaltyIdentifier, '--phone', '12345').code).to.equal(2);
      const nobody = members('update', 'no-such-member', '--first-name', 'X');
      expect(nobody.code).to.equal(1);
      expect(nobody.err).to.include('no member matches that identifier');
    });
  });

  describe('rekey', () => {
    /** A member and its keys as the code before commit 4e559af wrote them: values in the clear. */
    async function legacyMember(programId: string, contact: { phone?: string; email?: string; card?: string }) {
      const id = new mongoose.Types.ObjectId();
      await models.Member.create({
        _id: id, programId, loyaltyIdentifier: `legacy-${id.toHexString()}`, phone: contact.phone ?? null, email: contact.email ?? null,
        cardNumbers: contact.card ? [contact.card] : [], status: 'REGISTERED', createdAt: LONG_AGO,
      });
      const keys: ['phone' | 'email' | 'card', string | undefined][] = [['phone', contact.phone], ['email', contact.email], ['card', contact.card]];
      for (const [kind, value] of keys.filter(([, v]) => v)) {
        await models.MemberKey.create({ _id: `${programId}|${kind}|${value}`, programId, kind, memberId: id, createdAt: LONG_AGO });
      }
      return id;
    }

    it('makes old-style members findable again, deletes the clear-text keys, and is idempotent', async () => {
      const a = await legacyMember('demo', { phone: '6175550170', email: 'old.one@example.com', card: 'LEGACY-CARD-1' });
      const b = await legacyMember('cafe', { phone: '6175550170' }); // the same phone in another program
      await models.MemberKey.create({ _id: 'demo|phone|6175550179', programId: 'demo', kind: 'phone', memberId: new mongoose.Types.ObjectId(), createdAt: LONG_AGO });
      expect(await resolveMember(models, 'demo', '6175550170'), 'not found before rekey').to.equal(null);

      const first = members('rekey');
      expect(first.code, first.err).to.equal(0);
      expect(first.out).to.match(/members rekey: \d+ members; 4 keys added, 4 old keys removed, 1 keys of missing members removed, 0 conflicts/);
      for (const [program, value, id] of [['demo', '6175550170', a], ['demo', 'LEGACY-CARD-1', a], ['cafe', '617-555-0170', b]] as const) {
        expect(String((await resolveMember(models, program, value))?._id), `${program} ${value}`).to.equal(String(id));
      }
      expect(String((await memberByKey(models, 'demo', 'email', 'old.one@example.com'))?._id)).to.equal(String(a));
      expect(await searchMembers(models, 'demo', { email: 'OLD.ONE@example.com' }, { autoEnrol: false, now: new Date() })).to.have.length(1);
      const keys = JSON.stringify(await models.MemberKey.find({}).lean());
      for (const clear of ['6175550170', 'old.one@example.com', 'LEGACY-CARD-1', '6175550179']) expect(keys).to.not.include(clear);
      // Uniqueness holds on the new keys: the phone cannot sign up twice.
      const twice = await signUp(models, 'demo', { phone: '6175550170' }, new Date()).then(() => 'signed up', (err: Error) => err.message);
      expect(twice).to.match(/already registered/);

      const again = members('rekey');
      expect(again.code).to.equal(0);
      expect(again.out).to.match(/0 keys added, 0 old keys removed, 0 keys of missing members removed, 0 conflicts/);
    });

    it('leaves a key younger than a minute (a change in flight) and reports a phone held by two members', async () => {
      const a = await legacyMember('demo', { phone: '6175550171' });
      await models.MemberKey.create({ _id: 'demo|phone|6175550172', programId: 'demo', kind: 'phone', memberId: a, createdAt: new Date() });
      const b = await legacyMember('demo', { email: 'b@example.com' });
      await models.Member.updateOne({ _id: b }, { $set: { phone: '6175550171' } }); // corrupt data: a's phone on b too
      const r = members('rekey', '--program', 'demo');
      expect(r.code).to.equal(1);
      expect(r.out).to.match(new RegExp(`CONFLICT member (${String(a)}|${String(b)}): its phone key is held by member (${String(a)}|${String(b)})`));
      expect(r.out).to.not.include('6175550171');
      expect(await models.MemberKey.exists({ _id: 'demo|phone|6175550172' }), 'young key kept').to.not.equal(null);
      expect(String((await memberByKey(models, 'demo', 'email', 'b@example.com'))?._id)).to.equal(String(b));
    });
  });

  it('has --help with examples for every command (and the ledger tools); usage mistakes exit 2', async () => {
    const top = members('--help'); // the real script once; each command in this process
    expect(top.code).to.equal(0);
    const tool = { usage: 'npm run members --', summary: 'members', commands: MEMBER_COMMANDS };
    for (const c of MEMBER_COMMANDS) {
      expect(top.out).to.include(c.name);
      const help = await runToolCaptured(tool, [c.name, '--help']);
      expect(help.code).to.equal(0);
      expect(help.out).to.include(`Usage: npm run members -- ${c.name}`);
      for (const e of c.examples) expect(help.out).to.include(e);
    }
    for (const script of ['scripts/ledger-verify.ts', 'scripts/ledger-repair.ts']) {
      const help = spawnSync(process.execPath, ['--import', 'tsx', script, '--help'], { encoding: 'utf8', timeout: 60_000 });
      expect(help.status, script).to.equal(0);
      expect(help.stdout).to.match(/Usage: npm run ledger:(verify|repair) --/).and.to.include('Examples:').and.to.include('Exit codes:');
    }
    expect((await runToolCaptured(tool, [])).code).to.equal(2);
    expect((await runToolCaptured(tool, ['erase'])).code).to.equal(2);
    expect((await runToolCaptured(tool, ['frobnicate'])).err).to.include("unknown command 'frobnicate'");
  });

  it('members and ledger tools name the database URL they tried and how to start it when none answers', () => {
    for (const args of [['scripts/members.ts', 'update', 'x', '--first-name', 'A'], ['scripts/ledger-verify.ts']]) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
        env: { ...process.env, MONGODB_URI: 'mongodb://operator:s3cret@127.0.0.1:1/perkwire' }, encoding: 'utf8', timeout: 60_000,
      });
      expect(r.status).to.equal(2);
      expect(r.stderr).to.include('cannot reach the database at mongodb://***@127.0.0.1:1/perkwire (MONGODB_URI)');
      expect(r.stderr).to.include('npm run services:start').and.to.not.include('s3cret');
    }
  });
});
