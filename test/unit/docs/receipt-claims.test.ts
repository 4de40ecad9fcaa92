/**
 * The README's receipt-claim worked example (issue 17 §9) agrees with the code: the receipt line
 * it quotes is the one ACCRUE answers for an unclaimed check, the code it shows has the shape the
 * claims API accepts, the request body is valid, the answer has the documented fields, and the
 * simulator commands exist with those options. test/integration/toast/pos-simulator.test.ts plays
 * the same example against a running app.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { receiptLine } from '../../../server/loyalty/accrual/accrual-outcome.js';
import { claimsOperations } from '../../../server/claims/api-description.js';
import { parseClaimRequest } from '../../../server/claims/claim-request.js';
import { POS_COMMANDS } from '../../../scripts/pos/commands.js';
import { DEMO_RESTAURANT_GUID } from '../../../scripts/pos/requests.js';
import { codeBlocks, readmeSection } from '../../support/readme-blocks.js';

const section = readmeSection('### Receipt claims: where the code comes from, and a worked example');
const [commands, answer, curl, credit] = codeBlocks(section);

describe('README: receipt claims worked example', () => {
  it('quotes the receipt line ACCRUE answers for a check kept for a claim', () => {
    const printed = JSON.parse(answer!.body.slice(answer!.body.indexOf('{'), answer!.body.lastIndexOf('}') + 1)) as { checkResponse: { userMessage: string } };
    const points = Number(/claim (\d+) points/.exec(printed.checkResponse.userMessage)![1]);
    expect(printed.checkResponse.userMessage).to.equal(receiptLine({ state: 'UNCLAIMED', points }));
    expect(credit!.body).to.include(`"points":${points}`);
  });

  it('shows the code Toast prints as LOCATION_GUID:ORDER_GUID:CHECK_GUID of the demo restaurant', () => {
    const code = /receipt QR code: (\S+)/.exec(answer!.body)![1]!;
    expect(code.split(':')).to.have.length(3);
    expect(code.split(':')[0]).to.equal(DEMO_RESTAURANT_GUID);
    expect(section).to.include('`LOCATION_GUID:ORDER_GUID:CHECK_GUID`');
  });

  it('sends a body the claims API accepts, and shows the fields it answers', () => {
    const body = /-d '([^']+)'/.exec(curl!.body)![1]!
      .replace('<orderGuid>', randomUUID()).replace('<checkGuid>', randomUUID()).replace('<ID>', randomUUID());
    expect(() => parseClaimRequest(JSON.parse(body))).to.not.throw();
    expect(curl!.body).to.include('/v1/claims');
    const documented = claimsOperations.find((o) => o.path === '/v1/claims')!;
    const fields = Object.keys((documented.responses[201]!.schema as { properties: { claim: { properties: object } } }).properties.claim.properties);
    expect(Object.keys((JSON.parse(credit!.body) as { claim: object }).claim)).to.have.members(fields);
  });

  it('uses simulator commands and options that exist', () => {
    for (const line of commands!.body.split('\n').filter((l) => l.startsWith('npm run pos --'))) {
      const [name, ...rest] = line.replace(/#.*/, '').trim().split(/\s+/).slice(4);
      const command = POS_COMMANDS.find((c) => c.name === name);
      expect(command, line).to.not.equal(undefined);
      for (const flag of rest.filter((w) => w.startsWith('--'))) {
        expect((command!.options ?? []).map((o) => o.flags.split(' ')[0]), line).to.include(flag);
      }
    }
  });
});
