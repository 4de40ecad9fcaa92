/**
 * Reports: the daily rollups of a date range and location as charts (points earned vs redeemed,
 * reward uses, sales and discounts on loyalty checks, new members), the totals, the menu items
 * members bought by name, and the same report as CSV.
 */
import { useState } from 'preact/hooks';
import { enc } from '../api';
import { ChartFigure } from '../charts/chart';
import { useSession } from '../context';
import { dollars, isoDay, points } from '../ui/format';
import { useAction, useLoad } from '../ui/load';
import { Empty, ErrorBox, Show } from '../ui/status';

interface Figures {
  loyaltyChecks: number; salesCents: number; discountCents: number; pointsEarned: number; pointsRedeemed: number;
  pointsExpired: number; pointsAdjusted: number; newMembers: number;
  rewardUses: { rewardId: string; name: string; uses: number; discountCents: number }[];
}
interface Report { programId: string; timezone: string; from: string; to: string; location: string | null; days: (Figures & { day: string; location: string | null })[]; totals: Figures }
interface ItemReport { items: { guid: string; name: string; nameSource: 'MENU' | 'POS' | 'GUID'; quantity: number; salesCents: number }[] }
interface RuleFile { locations?: { guid: string; name: string }[] }

const daysBack = (n: number) => isoDay(new Date(Date.now() - n * 86_400_000));

/** Every day of [from, to], for an x axis without holes. */
function dayList(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`) && out.length < 400; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

export function ReportsView() {
  const { api, program } = useSession();
  const base = `/programs/${enc(program.id)}`;
  const [from, setFrom] = useState(daysBack(13));
  const [to, setTo] = useState(daysBack(0));
  const [location, setLocation] = useState('');
  const [query, setQuery] = useState({ from, to, location });
  const [file] = useLoad(() => api.call<RuleFile>('GET', `${base}/versions/${enc(program.activeVersion)}`), [base, program.activeVersion]);
  const path = `${base}/reports/daily?from=${query.from}&to=${query.to}${query.location ? `&location=${enc(query.location)}` : ''}`;
  const [report] = useLoad(() => api.call<Report>('GET', path), [path]);
  const itemsPath = path.replace('/reports/daily?', '/reports/items?');
  const [items] = useLoad(() => api.call<ItemReport>('GET', itemsPath), [itemsPath]);
  const csv = useAction(async () => {
    const text = await api.text(path, 'text/csv');
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
    a.download = `${program.id}-report-${query.from}-${query.to}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    return true;
  });
  const locations = file.state === 'done' ? file.data.locations ?? [] : [];
  return (
    <>
      <form class="card inline-form" aria-label="Report range" onSubmit={(e) => { e.preventDefault(); setQuery({ from, to, location }); }}>
        <label>From <input type="date" required value={from} max={to} onInput={(e) => setFrom(e.currentTarget.value)} /></label>
        <label>To <input type="date" required value={to} min={from} onInput={(e) => setTo(e.currentTarget.value)} /></label>
        <label>Location <select value={location} onChange={(e) => setLocation(e.currentTarget.value)}>
          <option value="">All locations</option>
          {locations.map((l) => <option key={l.guid} value={l.guid}>{l.name}</option>)}
        </select></label>
        <button type="submit" class="primary">Show</button>
        <button type="button" disabled={csv.busy} onClick={() => csv.act()}>Download CSV</button>
      </form>
      <ErrorBox error={csv.error} title="Could not download the CSV" />
      <Show loaded={report} what="the report">{(r) => <ReportCharts report={r} />}</Show>
      <Show loaded={items} what="the items">{(r) => <ItemTable report={r} />}</Show>
    </>
  );
}

function ReportCharts({ report }: { report: Report }) {
  const labels = dayList(report.from, report.to);
  const perDay = (pick: (f: Figures) => number) => labels.map((d) => report.days.filter((row) => row.day === d).reduce((s, row) => s + pick(row), 0));
  const t = report.totals;
  if (report.days.length === 0) {
    return <Empty>No loyalty activity from {report.from} to {report.to}{report.location ? ' at this location' : ''}. (Figures refresh every 5 minutes; <code>npm run reports -- rebuild</code> recomputes history.)</Empty>;
  }
  return (
    <>
      <section class="card totals" aria-label="Totals">
        <div><span>Loyalty checks</span><strong data-testid="total-checks">{points(t.loyaltyChecks)}</strong></div>
        <div><span>Sales</span><strong>{dollars(t.salesCents)}</strong></div>
        <div><span>Loyalty discounts</span><strong>{dollars(t.discountCents)}</strong></div>
        <div><span>Points earned</span><strong data-testid="total-earned">{points(t.pointsEarned)}</strong></div>
        <div><span>Points redeemed</span><strong data-testid="total-redeemed">{points(t.pointsRedeemed)}</strong></div>
        <div><span>Points adjusted</span><strong>{points(t.pointsAdjusted)}</strong></div>
        <div><span>New members</span><strong>{points(t.newMembers)}</strong></div>
      </section>
      <p class="hint">Days in {report.timezone}.</p>
      <div class="charts">
        <ChartFigure id="points-chart" title="Points earned vs redeemed per day" kind="bar" labels={labels} format={points}
          series={[{ label: 'Earned', values: perDay((f) => f.pointsEarned), color: '#2563eb' }, { label: 'Redeemed', values: perDay((f) => f.pointsRedeemed), color: '#f97316' }]} />
        <ChartFigure id="rewards-chart" title="Reward uses per reward" kind="bar" labels={t.rewardUses.map((u) => u.name)} format={points}
          series={[{ label: 'Uses', values: t.rewardUses.map((u) => u.uses), color: '#7c3aed' }]} />
        <ChartFigure id="sales-chart" title="Sales and loyalty discounts on loyalty checks per day" kind="line" labels={labels} format={dollars} scale={100}
          series={[{ label: 'Sales', values: perDay((f) => f.salesCents), color: '#059669' }, { label: 'Discounts', values: perDay((f) => f.discountCents), color: '#dc2626' }]} />
        <ChartFigure id="members-chart" title="New members per day" kind="bar" labels={labels} format={points}
          series={[{ label: 'New members', values: perDay((f) => f.newMembers), color: '#0891b2' }]} />
      </div>
    </>
  );
}

const NAME_SOURCE_NOTE = { MENU: '', POS: ' (name on the check: not in the imported menu)', GUID: ' (unknown item: import the restaurant\'s menu)' };

/** What members bought, per menu item by name, largest sales first. */
function ItemTable({ report }: { report: ItemReport }) {
  if (report.items.length === 0) return null;
  return (
    <section class="card" aria-label="Items bought by members">
      <h2>Items bought by members</h2>
      <div class="table-wrap">
        <table aria-label="Items bought by members">
          <thead><tr><th scope="col">Item</th><th scope="col">Quantity</th><th scope="col">Sales</th></tr></thead>
          <tbody>
            {report.items.map((i) => (
              <tr key={i.guid}>
                <td title={i.guid}>{i.name}{NAME_SOURCE_NOTE[i.nameSource] ? <span class="hint">{NAME_SOURCE_NOTE[i.nameSource]}</span> : null}</td>
                <td class="num">{i.quantity}</td><td class="num">{dollars(i.salesCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
