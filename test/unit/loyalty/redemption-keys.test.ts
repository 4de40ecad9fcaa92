/** Pure helpers behind REDEEM / REVERSE: source keys, reverse targets, discount GUIDs, phones, messages. */
import { expect } from 'chai';
import { normalizeToastCheck } from '../../../server/toast/normalize/index.js';
import { attachDiscountGuids } from '../../../server/loyalty/policy/discount-guids.js';
import { normalizePhone } from '../../../server/loyalty/members/members.js';
import { selectTargets } from '../../../server/loyalty/policy/discount-guids.js';
import { redemptionSourceKeys, type CommittedRedemption } from '../../../server/loyalty/redemption/redemption.js';
import { checkUserMessage } from '../../../server/loyalty/policy/user-message.js';
import type { EngineOffer } from '../../../rules/index.js';

const committed = (rewardId: string, appliedDiscountGuid: string | null, multiItemDiscountGuid: string | null = null): CommittedRedemption => ({
  rewardId, appliedDiscountGuid, multiItemDiscountGuid, quantity: 1, points: 10, amountCents: 100, sourceKey: `k-${rewardId}-${appliedDiscountGuid}`,
});

describe('REDEEM / REVERSE helpers', () => {
  it('derives one stable, request-unique sourceKey per redemption: by its discount on the check, whatever the request', () => {
    const keys = redemptionSourceKeys('T1', [{ appliedDiscountGuid: 'D1' }, { multiItemDiscountGuid: 'M1' }, {}, { appliedDiscountGuid: 'D1' }]);
    expect(keys).to.deep.equal(['redeem:discount:D1', 'redeem:discount:M1', 'redeem:T1:#2', 'redeem:discount:D1#3']);
    expect(redemptionSourceKeys('T2', [{ appliedDiscountGuid: 'D1' }])).to.deep.equal(['redeem:discount:D1']);
  });

  it('selects reverse targets: all when none listed, listed ones once, unknown ones refused', () => {
    const all = [committed('a', 'D1'), committed('b', 'D2'), committed('m', null, 'M1')];
    expect(selectTargets(all, undefined)).to.deep.equal(all);
    expect(selectTargets(all, [])).to.deep.equal(all);
    expect(selectTargets(all, [{ appliedDiscountGuid: 'D2' }, { appliedDiscountGuid: 'D2' }])).to.deep.equal([all[1]]);
    expect(selectTargets(all, [{ multiItemDiscountGuid: 'M1' }])).to.deep.equal([all[2]]);
    expect(() => selectTargets(all, [{ appliedDiscountGuid: 'nope' }])).to.throw().with.property('code', 'TRANSACTION_DOES_NOT_EXIST');
  });

  it('fills a missing appliedDiscountGuid from the check discount with the same offer id', () => {
    const check = normalizeToastCheck({
      guid: 'C', selections: [],
      appliedDiscounts: [{ guid: 'AD-1', loyaltyDetails: { referenceId: '1' }, discountAmount: 5, processingState: 'PENDING_APPLIED' }],
    });
    const [filled, untouched] = attachDiscountGuids([{ identifier: '1' }, { identifier: '2' }], check);
    expect(filled!.appliedDiscountGuid).to.equal('AD-1');
    expect(untouched!.appliedDiscountGuid).to.equal(undefined);
  });

  it('normalises phones to 10 digits', () => {
    expect(normalizePhone('(617) 555-0123')).to.equal('6175550123');
    expect(normalizePhone('+1 617 555 0123')).to.equal('6175550123');
    expect(normalizePhone('555-0123')).to.equal(null);
    expect(normalizePhone('61755501ab')).to.equal(null);
  });

  it('tells the guest what the check earns and how far the next reward is', () => {
    const offer = (name: string, pointsCost: number) => ({ identifier: name, name, pointsCost }) as EngineOffer;
    expect(checkUserMessage(12, 40, [offer('Fries', 50), offer('Burger', 100)])).to.equal('This check earns 12 points. 10 points to Fries.');
    expect(checkUserMessage(1, 500, [offer('Fries', 50)])).to.equal('This check earns 1 point. You have enough points for every reward.');
  });
});
