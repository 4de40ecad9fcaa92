/**
 * The POS simulator's commands, one declared object each (scripts/pos.ts builds the commander
 * program from `POS_COMMANDS`). A visit — inquire, redeem, accrue, reverse — happens on one
 * check kept in .run/pos-visit.json (POS_STATE), as at a real register.
 */
import type { ToolCommand } from '../cli/tool.js';
import { loadVisit, newVisit, saveVisit, type Visit } from './check.js';
import { applyOffer, checkInfo } from './requests.js';
import { exitOf, PosSetupError, send, settingsFromEnv, type Json, type PosSettings } from './webhook.js';

const PREFIX = 'npm run pos --';

function visitFor(id: string, fresh = false): Visit {
  const visit = loadVisit();
  return fresh || visit.loyaltyIdentifier !== id ? { ...newVisit(), loyaltyIdentifier: id } : visit;
}

/** The member's balance as the register sees it: an INQUIRE on an empty new check (not printed). */
async function balanceOf(settings: PosSettings, id: string): Promise<number | null> {
  const reply = await send(settings, 'INQUIRE', 'checkTransactionInformation', checkInfo({ ...newVisit(), lines: [] }, id), { quiet: true });
  const balance = ((reply.body.checkResponse as Json | undefined)?.accountInfo as Json | undefined)?.pointsBalance;
  return balance === undefined || balance === null ? null : Number(balance);
}

const signup: ToolCommand = {
  name: 'signup',
  operands: '',
  summary: 'enrol a guest by phone or email (LOYALTY_SIGNUP); prints the new loyalty identifier',
  options: [
    { flags: '--phone <phone>', description: '10-digit phone (punctuation ignored)' },
    { flags: '--email <email>', description: 'email address' },
  ],
  examples: [`${PREFIX} signup --phone 6175550142`, `${PREFIX} signup --email ada@example.com`],
  async run(_operands, o) {
    if ((o.phone === undefined) === (o.email === undefined)) throw new PosSetupError('give exactly one of --phone or --email');
    const reply = await send(settingsFromEnv(), 'SIGNUP', 'signupTransactionInformation', { phone: o.phone ?? null, email: o.email ?? null });
    const id = (reply.body.signupResponse as Json | undefined)?.loyaltyIdentifier;
    if (typeof id === 'string') console.log(`loyalty identifier: ${id}`);
    return exitOf(reply);
  },
};

const search: ToolCommand = {
  name: 'search',
  operands: '',
  summary: 'look a guest up as the cashier does (LOYALTY_SEARCH)',
  options: [
    { flags: '--phone <phone>', description: 'phone' },
    { flags: '--email <email>', description: 'email' },
    { flags: '--first <name>', description: 'first name' },
    { flags: '--last <name>', description: 'last name' },
  ],
  examples: [`${PREFIX} search --phone 6175550142`, `${PREFIX} search --first Ada --last Lovelace`],
  async run(_operands, o) {
    const searchCriteria = { firstName: o.first ?? null, lastName: o.last ?? null, email: o.email ?? null, phone: o.phone ?? null };
    if (Object.values(searchCriteria).every((v) => v === null)) throw new PosSetupError('give at least one of --phone, --email, --first, --last');
    return exitOf(await send(settingsFromEnv(), 'SEARCH', 'searchTransactionInformation', { searchCriteria }));
  },
};

const inquire: ToolCommand = {
  name: 'inquire',
  operands: '<loyaltyIdentifier>',
  summary: "show the member's offers and balance on the visit's check (LOYALTY_INQUIRE)",
  details: 'The check is two Classic Burgers and Fries of the demo menu. --new starts a new visit (a new check).',
  options: [{ flags: '--new', description: 'start a new visit on a new check' }],
  examples: [`${PREFIX} inquire 3f6c…`, `${PREFIX} inquire 3f6c… --new`],
  async run([id], o) {
    const visit = visitFor(id!, o.new === true);
    const reply = await send(settingsFromEnv(), 'INQUIRE', 'checkTransactionInformation', checkInfo(visit, id!));
    visit.transactions.INQUIRE = reply.guid;
    saveVisit(visit);
    return exitOf(reply);
  },
};

const redeem: ToolCommand = {
  name: 'redeem',
  operands: '<loyaltyIdentifier> <offerIdentifier>',
  summary: 'apply an offer the INQUIRE answer lists as applicable (LOYALTY_REDEEM)',
  details: 'Quotes the check first (INQUIRE), applies the offer where the answer says (an item or the check), then redeems.',
  examples: [`${PREFIX} redeem 3f6c… free-fries`],
  async run([id, offerId]) {
    const settings = settingsFromEnv();
    const visit = visitFor(id!);
    const quote = await send(settings, 'INQUIRE', 'checkTransactionInformation', checkInfo(visit, id!));
    const offers = ((quote.body.checkResponse as Json | undefined)?.offers ?? []) as Json[];
    const offer = offers.find((o) => o.identifier === offerId && o.applicable === true);
    if (!offer) {
      console.error(`offer ${offerId} is not applicable to this check (see the INQUIRE answer above)`);
      return 1;
    }
    const reply = await send(settings, 'REDEEM', 'checkTransactionInformation', checkInfo(visit, id!, [applyOffer(visit, offer)]));
    visit.transactions.REDEEM = reply.guid;
    saveVisit(visit);
    return exitOf(reply);
  },
};

const accrue: ToolCommand = {
  name: 'accrue',
  operands: '[loyaltyIdentifier]',
  summary: "pay and close the visit's check (LOYALTY_ACCRUE); the member's points are posted by the worker",
  details: "Without an identifier the visit's member is used. --new pays a new check with no account attached:\n"
    + 'Perkwire keeps it for a receipt claim, and the simulator prints the receipt QR code Toast would print\n'
    + '(LOCATION_GUID:ORDER_GUID:CHECK_GUID; see "Receipt claims" in the README).',
  options: [{ flags: '--new', description: 'pay a new check with no account attached (for a receipt claim)' }],
  examples: [`${PREFIX} accrue`, `${PREFIX} accrue 3f6c…`, `${PREFIX} accrue --new`],
  async run([id], o) {
    const settings = settingsFromEnv();
    const visit = o.new === true ? newVisit() : loadVisit();
    const account = id ?? visit.loyaltyIdentifier ?? null;
    const reply = await send(settings, 'ACCRUE', 'checkTransactionInformation', checkInfo(visit, account, [], true));
    visit.transactions.ACCRUE = reply.guid;
    saveVisit(visit);
    // Toast prints a QR code on a closed check with no account attached (toast-loyalty-api.md §2.4).
    if (account === null && exitOf(reply) === 0) console.log(`receipt QR code: ${settings.restaurant}:${visit.orderGuid}:${visit.checkGuid}`);
    return exitOf(reply);
  },
};

const reverse: ToolCommand = {
  name: 'reverse',
  operands: '[which]',
  summary: "void the visit's redeem or accrue, or any transaction by its GUID (LOYALTY_REVERSE)",
  details: 'which: redeem (default), accrue, or a Toast-Transaction-GUID.\n'
    + "Prints the points moved and the new balance (the member's balance read just before and after).\n"
    + 'Exit codes: 0 accepted, 1 refused (the answer is printed), 2 nothing to reverse or Perkwire unreachable.',
  examples: [`${PREFIX} reverse redeem`, `${PREFIX} reverse accrue`, `${PREFIX} reverse 0b9d7a52-…`],
  async run([which = 'redeem']) {
    const settings = settingsFromEnv();
    const visit = loadVisit();
    const named = /^(redeem|accrue)$/i.test(which);
    const transactionId = named ? visit.transactions[which.toUpperCase()] : which;
    if (!transactionId) throw new PosSetupError(`this visit has no ${which.toUpperCase()} yet (POS_STATE: the visit file); pass a Toast-Transaction-GUID instead`);
    const id = visit.loyaltyIdentifier ?? null;
    const before = id ? await balanceOf(settings, id) : null;
    const reply = await send(settings, 'REVERSE', 'reverseTransactionInformation', { loyaltyIdentifier: id, transactionId });
    if (exitOf(reply) !== 0) return 1;
    const after = id ? await balanceOf(settings, id) : null;
    const what = named ? `the visit's ${which.toUpperCase()} (${transactionId})` : transactionId;
    if (before === null || after === null) console.log(`reversed ${what}; no member on this visit, so no balance to show`);
    else {
      const moved = after - before;
      console.log(`reversed ${what}: ${moved > 0 ? '+' : ''}${moved} points moved; balance ${before} → ${after}`);
    }
    return 0;
  },
};

export const POS_COMMANDS: ToolCommand[] = [signup, search, inquire, redeem, accrue, reverse];
