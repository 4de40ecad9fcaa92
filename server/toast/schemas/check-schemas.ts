/**
 * JSON Schemas of Toast's `Check` and what it contains (contract §3.1), registered on the shared
 * ajv instance under stable ids so the three check-carrying request types share one copy.
 * Modifiers nest through `$ref`s to a fixed number of levels; the deepest level takes none, so
 * a hostile body cannot make validation recurse without bound.
 */
import { ajv } from './ajv.js';
import {
  LIMITS, amount, array, businessDate, dateTime, enumToken, guid, keyedIdentifier, nullable, object, quantity, text,
  type Schema,
} from './primitives.js';

/** Schema ids (resolved by ajv, never fetched). */
export const CHECK_SCHEMA_ID = 'https://perkwire.dev/schemas/toast/check.json';
export const REDEMPTION_SCHEMA_ID = 'https://perkwire.dev/schemas/toast/redemption.json';
const selectionId = (depth: number): string => `https://perkwire.dev/schemas/toast/selection-${depth}.json`;

const n = nullable;

/** ToastReference / ExternalReference / ConfigReference: Toast's own examples send nulls in `guid` and `entityType`. */
const reference: Schema = object({
  guid: n(guid),
  entityType: n(text(64)),
  externalId: n(text(255)),
  multiLocationId: n({ anyOf: [text(64), { type: 'number' }] }),
});

const loyaltyDetails: Schema = object({ vendor: n(enumToken), referenceId: n(text(LIMITS.loyaltyIdentifier)) });

const appliedDiscount: Schema = object({
  guid: n(guid),
  entityType: n(text(64)),
  name: n(text()),
  discountAmount: n(amount()),
  nonTaxDiscountAmount: n(amount()),
  discount: n(reference),
  triggers: n(array(object({ selection: n(reference), quantity: n(quantity) }))),
  approver: n(reference),
  processingState: n(enumToken),
  loyaltyDetails: n(loyaltyDetails),
  comboItems: n(array(reference)),
  appliedPromoCode: n(text()),
});

const appliedTax: Schema = object({
  guid: n(guid),
  entityType: n(text(64)),
  taxRate: n(reference),
  name: n(text()),
  rate: n(amount()),
  taxAmount: n(amount()),
  type: n(enumToken),
});

const appliedServiceCharge: Schema = object({
  guid: n(guid),
  entityType: n(text(64)),
  externalId: n(text()),
  serviceCharge: n(reference),
  chargeAmount: n(amount()),
  chargeType: n(enumToken),
  name: n(text()),
  delivery: n({ type: 'boolean' }),
  gratuity: n({ type: 'boolean' }),
  taxable: n({ type: 'boolean' }),
  appliedTaxes: n(array(appliedTax, 50)),
});

const device: Schema = object({ id: n(text(128)) });

const payment: Schema = object({
  guid: n(guid),
  entityType: n(text(64)),
  externalId: n(text()),
  paidDate: n(dateTime),
  paidBusinessDate: n(businessDate),
  type: n(enumToken),
  cardEntryMode: n(enumToken),
  amount: n(amount()),
  tipAmount: n(amount()),
  amountTendered: n(amount()),
  cardType: n(enumToken),
  last4Digits: n(text(4)),
  originalProcessingFee: n(amount()),
  refundStatus: n(enumToken),
  refund: n(object({
    refundAmount: n(amount()), tipRefundAmount: n(amount()), refundDate: n(dateTime), refundBusinessDate: n(businessDate),
  })),
  paymentStatus: n(enumToken),
  voidInfo: n(object({ voidDate: n(dateTime), voidBusinessDate: n(businessDate) })),
  createdDevice: n(device),
  lastModifiedDevice: n(device),
  mcaRepaymentAmount: n(amount()),
});

/**
 * A Selection at nesting `depth` (0 = a check line). Its `guid` is required: redemptions and
 * `itemApplication` point at it. `item` is required by the spec and always sent.
 */
function selection(depth: number): Schema {
  const modifiers = depth < LIMITS.modifierDepth
    ? n(array({ $ref: selectionId(depth + 1) }, LIMITS.modifiers))
    : n({ type: 'array', maxItems: 0 });
  return {
    $id: selectionId(depth),
    ...object({
      guid,
      entityType: n(text(64)),
      externalId: n(text()),
      item: reference,
      itemGroup: n(reference),
      optionGroup: n(reference),
      preModifier: n(reference),
      salesCategory: n(reference),
      diningOption: n(reference),
      quantity: n(quantity),
      unitOfMeasure: n(enumToken),
      selectionType: n(enumToken),
      appliedDiscounts: n(array(appliedDiscount)),
      deferred: n({ type: 'boolean' }),
      preDiscountPrice: n(amount()),
      price: n(amount()),
      tax: n(amount()),
      voided: n({ type: 'boolean' }),
      voidDate: n(dateTime),
      voidBusinessDate: n(businessDate),
      voidReason: n(reference),
      displayName: n(text()),
      createdDate: n(dateTime),
      modifiedDate: n(dateTime),
      modifiers,
      fulfillmentStatus: n(enumToken),
      taxInclusion: n(enumToken),
      appliedTaxes: n(array(appliedTax, 50)),
      plu: n(text(64)),
    }, ['guid', 'item']),
  };
}

const appliedLoyaltyInfo: Schema = object({
  guid: n(guid),
  entityType: n(text(64)),
  loyaltyIdentifier: n(keyedIdentifier),
  vendor: n(enumToken),
  accrualFamilyGuid: n(guid),
  accrualText: n(text(255)),
});

/** Check: `guid` required and non-null (accrual dedupe and reversal key on it), `selections` required. */
const check: Schema = {
  $id: CHECK_SCHEMA_ID,
  ...object({
    guid,
    entityType: n(text(64)),
    externalId: n(text()),
    openedDate: n(dateTime),
    closedDate: n(dateTime),
    modifiedDate: n(dateTime),
    deletedDate: n(dateTime),
    deleted: n({ type: 'boolean' }),
    selections: array({ $ref: selectionId(0) }, LIMITS.selections),
    appliedLoyaltyInfo: n(appliedLoyaltyInfo),
    taxExempt: n({ type: 'boolean' }),
    displayNumber: n(text(64)),
    appliedServiceCharges: n(array(appliedServiceCharge, 50)),
    amount: n(amount()),
    taxAmount: n(amount()),
    totalAmount: n(amount()),
    payments: n(array(payment)),
    tabName: n(text(255)),
    paymentStatus: n(enumToken),
    appliedDiscounts: n(array(appliedDiscount)),
    voided: n({ type: 'boolean' }),
    voidDate: n(dateTime),
    voidBusinessDate: n(businessDate),
    paidDate: n(dateTime),
    createdDevice: n(device),
    lastModifiedDevice: n(device),
  }, ['guid', 'selections']),
};

/** ItemRedemptionInfo as Toast sends it back inside request redemptions. */
const itemRedemptionInfo: Schema = object({
  selectionIdentifier: n(guid),
  amount: n(amount({ nonNegative: true })),
  appliedDiscountIdentifier: n(guid),
});

/**
 * Redemption in a request. Amounts are non-negative (a negative discount would be a charge);
 * `identifier` may be null so that a malformed entry is rejected per redemption, not per request.
 */
const redemption: Schema = {
  $id: REDEMPTION_SCHEMA_ID,
  ...object({
    identifier: n(text(LIMITS.loyaltyIdentifier)),
    itemId: n(text(LIMITS.loyaltyIdentifier)),
    selectionGuid: n(guid),
    appliedDiscountGuid: n(guid),
    multiItemDiscountGuid: n(guid),
    amount: n(amount({ nonNegative: true })),
    itemApplication: n(array(itemRedemptionInfo, LIMITS.itemApplication)),
    quantity: n({ anyOf: [{ type: 'integer', minimum: 0, maximum: 1000 }, { type: 'string', pattern: '^[0-9]{1,4}$' }] }),
    name: n(text(200)),
  }),
};

for (let depth = LIMITS.modifierDepth; depth >= 0; depth -= 1) ajv.addSchema(selection(depth));
ajv.addSchema(check);
ajv.addSchema(redemption);
