import { useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { useSession } from '../../context';
import { points, signed } from '../../ui/format';
import { useAction } from '../../ui/load';
import { ErrorBox } from '../../ui/status';
import type { LedgerEntry } from './types';

const newKey = () => `dash-${crypto.randomUUID()}`;

/**
 * A manual adjustment. One idempotency key per intended adjustment: a retry after an error or a
 * double click sends the same key, so the API applies it once; a success starts a new key.
 */
export function AdjustPoints({ base, onAdjusted }: { base: string; onAdjusted: () => void }) {
  const { api } = useSession();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [key, setKey] = useState(newKey);
  const adjust = useAction(async () => {
    const n = Number(amount);
    if (!Number.isInteger(n) || n === 0) throw new ApiError(0, 'BAD_POINTS', 'points must be a non-zero whole number (negative takes points away)', [{ path: '/points', message: 'non-zero integer' }]);
    const answer = await api.call<{ entry: LedgerEntry; balance: number; replayed: boolean }>('POST', `${base}/adjustments`, { points: n, reason: reason.trim(), idempotencyKey: key });
    setKey(newKey());
    setAmount('');
    setReason('');
    return answer;
  });
  return (
    <form class="card" aria-label="Adjust points" onSubmit={async (e) => { e.preventDefault(); if (await adjust.act()) onAdjusted(); }}>
      <h2>Adjust points</h2>
      <label for="adjust-points">Points (negative takes away)</label>
      <input id="adjust-points" type="number" step="1" inputMode="numeric" required value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
      <label for="adjust-reason">Reason (shown in the ledger; no guest data)</label>
      <input id="adjust-reason" type="text" required maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      <div class="actions"><button type="submit" class="primary" disabled={adjust.busy}>Adjust</button></div>
      {adjust.result ? <p class="ok" role="status">Adjusted {signed(adjust.result.entry.delta)}: balance {points(adjust.result.balance)} points.</p> : null}
      <ErrorBox error={adjust.error} title="Adjustment refused" />
    </form>
  );
}
