import { useState } from 'preact/hooks';
import { useSession } from '../../context';
import { points, signed, when } from '../../ui/format';
import { useAction, useLoad } from '../../ui/load';
import { Empty, ErrorBox, Show } from '../../ui/status';
import type { LedgerEntry } from './types';

interface Page { entries: LedgerEntry[]; nextCursor: string | null }

/** The ledger, newest first, 20 a page ("Older entries" follows the API's cursor). */
export function LedgerTable({ base }: { base: string }) {
  const { api } = useSession();
  const [first] = useLoad(() => api.call<Page>('GET', `${base}/ledger?limit=20`), [base]);
  const [more, setMore] = useState<LedgerEntry[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const older = useAction(async (c: string) => {
    const page = await api.call<Page>('GET', `${base}/ledger?limit=20&cursor=${encodeURIComponent(c)}`);
    setMore((m) => [...m, ...page.entries]);
    setCursor(page.nextCursor);
    return page;
  });
  return (
    <Show loaded={first} what="the ledger">
      {(page) => {
        const entries = [...page.entries, ...more];
        const next = cursor === undefined ? page.nextCursor : cursor;
        if (entries.length === 0) return <Empty>No ledger entries yet.</Empty>;
        return (
          <>
            <div class="table-wrap">
              <table aria-label="Ledger">
                <thead><tr><th scope="col">#</th><th scope="col">When</th><th scope="col">Kind</th><th scope="col">Points</th><th scope="col">Balance</th><th scope="col">Provenance</th></tr></thead>
                <tbody>
                  {entries.map((e) => (
                    <tr key={e.seq}>
                      <td>{e.seq}</td><td>{when(e.createdAt)}</td><td>{e.kind}</td>
                      <td class="num">{signed(e.delta)}</td><td class="num">{points(e.balanceAfter)}</td>
                      <td class="provenance">{provenance(e)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {next ? <button type="button" disabled={older.busy} onClick={() => older.act(next)}>Older entries</button> : null}
            <ErrorBox error={older.error} title="Could not load older entries" />
          </>
        );
      }}
    </Show>
  );
}

function provenance(e: LedgerEntry): string {
  const p = e.provenance;
  return [
    p.reason ? `reason: ${p.reason}` : null,
    p.items?.length ? p.items.map((i) => (i.quantity === 1 ? i.name : `${i.name} × ${i.quantity}`)).join(', ') : null,
    p.cause ? `cause: ${p.cause}` : null,
    p.ruleSetVersion ? `rules ${p.ruleSetVersion}` : null,
    p.ruleIds?.length ? `rules: ${p.ruleIds.join(', ')}` : null,
    p.restaurantName ?? p.restaurantGuid ?? null,
    p.transactionGuid ? `txn ${p.transactionGuid}` : null,
    p.checkGuid ? `check ${p.checkGuid}` : null,
    p.by ? `by ${p.by}` : null,
    e.requestedDelta != null ? `asked ${signed(e.requestedDelta)}` : null,
  ].filter(Boolean).join(' · ') || '—';
}
