/** What an INQUIRE reads from an expiry view, for comparing two views on the same member. */
import { outlookView, type ExpiryOutlook, type ExpiryView } from '../../server/loyalty/policy/expiry.js';

const costsAt = (balance: number): number[] => [1, 10, 50, 100, 250, 300, 500, 1000, balance - 1, balance, balance + 1];

/** What `projectedExpiryView` is asked for {@link viewAnswers}. */
export function probe(balance: number): { balance: number; costs: number[] } {
  return { balance, costs: costsAt(balance) };
}

/** The soonest expiration and the date rewards of a spread of costs stop being affordable at `balance`. */
export function viewAnswers(view: ExpiryView, balance: number): { soonest: unknown; rewardExpiry: (Date | null)[] } {
  return { soonest: view.soonest(), rewardExpiry: costsAt(balance).map((cost) => view.rewardExpiry(cost, balance)) };
}

/** {@link viewAnswers} of a whole outlook (the daily job's ledger replay). */
export function outlookAnswers(outlook: ExpiryOutlook, now: Date, balance: number): ReturnType<typeof viewAnswers> {
  return viewAnswers(outlookView(outlook, now), balance);
}
