/**
 * One chart: a Chart.js canvas (only the controllers we use are registered, so the bundle stays
 * small) with its figures as a table underneath, for screen readers and for anyone who wants the
 * numbers.
 */
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

export interface Series {
  label: string;
  values: number[];
  color: string;
}

export interface ChartProps {
  id: string;
  title: string;
  kind: 'bar' | 'line';
  labels: string[];
  series: Series[];
  /** How a value reads in the table and tooltips (e.g. dollars from cents). */
  format?: (v: number) => string;
  /** Values are divided by this before drawing (cents → dollars). */
  scale?: number;
}

export function ChartFigure({ id, title, kind, labels, series, format = String, scale = 1 }: ChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const config: ChartConfiguration = {
      type: kind,
      data: {
        labels,
        datasets: series.map((s) => ({
          label: s.label, data: s.values.map((v) => v / scale), backgroundColor: s.color, borderColor: s.color, tension: 0, pointRadius: 2,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        // The legend is HTML below the canvas (readable by everyone; the canvas holds only data).
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${format(Math.round(Number(c.raw) * scale))}` } } },
        // Counts are whole numbers: no 0.5-member ticks.
        scales: { y: { beginAtZero: true, ticks: scale === 1 ? { precision: 0 } : {} } },
      },
    };
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [kind, labels.join(), JSON.stringify(series), scale]);
  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <div class="canvas-box"><canvas ref={canvas} id={id} role="img" aria-label={`${title} (chart; figures in the table below)`} /></div>
      <ul class="legend" aria-label="Legend">
        {series.map((s) => <li key={s.label}><span class="swatch" style={{ background: s.color }} aria-hidden="true" />{s.label}</li>)}
      </ul>
      <details>
        <summary>Figures</summary>
        <div class="table-wrap">
          <table data-testid={`${id}-table`}>
            <thead><tr><th scope="col">{kind === 'bar' && labels.every((l) => !/^\d{4}-/.test(l)) ? 'Item' : 'Day'}</th>{series.map((s) => <th scope="col" key={s.label}>{s.label}</th>)}</tr></thead>
            <tbody>
              {labels.map((l, i) => <tr key={l}><th scope="row">{l}</th>{series.map((s) => <td key={s.label} class="num">{format(s.values[i] ?? 0)}</td>)}</tr>)}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
