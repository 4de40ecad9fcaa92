/**
 * Identifiers as keyed or scanned (issue 16 §6): a QR payload with spaces or non-ASCII, a phone
 * typed with dashes or spaces resolves like the plain form, or answers ERROR_ACCOUNT_INVALID —
 * never ERROR_INVALID_INPUT_PROPERTIES for a well-formed request.
 */
import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app.js';
import { burger } from '../../support/demo-menu.js';
import { seedMember } from '../../support/members.js';
import { toast } from '../../support/toast-client.js';
import { accrueRequest, check, inquireRequest, paidCheck, redeemRequest } from '../../support/toast-requests.js';

describe('Toast webhook: identifiers as keyed or scanned', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp({ dbPrefix: 'keyed' }); });
  after(async () => { await t.close(); });

  async function inquire(identifier: string) {
    return toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(identifier, { check: check({ selections: [burger()] }) }));
  }

  it('a scanned identifier with outer spaces, a line break or an invisible character resolves like the plain one', async () => {
    const member = await seedMember(t.deps, {});
    const id = member.loyaltyIdentifier;
    for (const scanned of [`  ${id}  `, `${id}\r\n`, `${id.slice(0, 8)}\u200b${id.slice(8)}`, `${id.slice(0, 8)} ${id.slice(8)}`, `\t${id}`]) {
      const reply = await inquire(scanned);
      expect([reply.status, reply.body.checkResponse?.accountInfo?.identifier], JSON.stringify(scanned)).to.deep.equal([200, id]);
    }
  });

  it('a phone typed with dashes, spaces, parentheses, +1 or full-width digits resolves like 6175550142', async () => {
    const member = await seedMember(t.deps, { phone: '6175550142' });
    for (const keyed of ['617-555-0142', '617 555 0142', '(617) 555-0142', '+1 617 555 0142', '６１７５５５０１４２', '617–555–0142']) {
      const reply = await inquire(keyed);
      expect([reply.status, reply.body.checkResponse?.accountInfo?.identifier], keyed).to.deep.equal([200, member.loyaltyIdentifier]);
    }
    const redeem = await toast(t.app, 'LOYALTY_REDEEM', redeemRequest(' 617-555-0142 ', { check: check({ selections: [burger()] }) }));
    expect(redeem.body.checkResponse?.accountInfo?.identifier).to.equal(member.loyaltyIdentifier);
    const accrue = await toast(t.app, 'LOYALTY_ACCRUE', accrueRequest('617.555.0142', { check: paidCheck({ selections: [burger(12)] }) }));
    expect(accrue.body.checkResponse?.userMessage).to.match(/^You earned [1-9]\d* points on this visit\.$/);
  });

  it('a well-formed value naming nobody is ERROR_ACCOUNT_INVALID, never ERROR_INVALID_INPUT_PROPERTIES', async () => {
    for (const unknown of ['ünïcödé-кarta 42', ' nobody ', '617-555-0199', '😀', 'x'.repeat(128)]) {
      const reply = await inquire(unknown);
      expect([reply.status, reply.body.transactionStatus], JSON.stringify(unknown)).to.deep.equal([404, 'ERROR_ACCOUNT_INVALID']);
      const accrue = await toast(t.app, 'LOYALTY_ACCRUE', accrueRequest(unknown, { check: paidCheck({ selections: [burger()] }) }));
      // ACCRUE keeps a check whose account cannot be resolved for a later claim (ACCEPT): never a schema error.
      expect(['ACCEPT', 'ERROR_ACCOUNT_INVALID'], JSON.stringify(unknown)).to.include(accrue.body.transactionStatus);
    }
  });
});
