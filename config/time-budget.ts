/**
 * Toast gives up on a loyalty request after 5 s. The waits a request can stack up — a duplicate
 * waiting for its first copy, then one database operation waiting for a server and for its
 * answer — must fit inside {@link REQUEST_BUDGET_MS}, leaving the rest for the network and our
 * own work. A failed operation ends the request with an answer (ERROR before any effect, the
 * committed effect's ACCEPT after one), so one operation's bound is what counts.
 */

/** The most our own waits may add up to (Toast's timeout is 5 s). */
export const REQUEST_BUDGET_MS = 4500;

export interface TimeSettings {
  IDEMPOTENCY_WAIT_MS: number;
  MONGO_SERVER_SELECTION_TIMEOUT_MS: number;
  MONGO_SOCKET_TIMEOUT_MS: number;
  MONGO_MAX_TIME_MS: number;
}

export function timeBudgetProblems(v: TimeSettings, nodeEnv: string): string[] {
  const problems: string[] = [];
  if (v.MONGO_MAX_TIME_MS >= v.MONGO_SOCKET_TIMEOUT_MS) {
    problems.push('MONGO_MAX_TIME_MS must be below MONGO_SOCKET_TIMEOUT_MS (the server stops the query before the client gives up)');
  }
  const sum = v.IDEMPOTENCY_WAIT_MS + v.MONGO_SERVER_SELECTION_TIMEOUT_MS + v.MONGO_SOCKET_TIMEOUT_MS;
  // Tests run many requests at once on loaded machines and may wait longer for a first copy.
  if (nodeEnv !== 'test' && sum > REQUEST_BUDGET_MS) {
    problems.push(`IDEMPOTENCY_WAIT_MS + MONGO_SERVER_SELECTION_TIMEOUT_MS + MONGO_SOCKET_TIMEOUT_MS is ${sum} ms; it must stay within ${REQUEST_BUDGET_MS} ms (Toast waits 5 s)`);
  }
  return problems;
}
