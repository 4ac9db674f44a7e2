import { formatCtr, totalsOf, type DailyFigures, type ReportRange } from '@/lib/ads/report';
import { BarChart } from './bar-chart';

const number = new Intl.NumberFormat('en-US');

type Props = {
  days: DailyFigures[];
  /** Open by default where the table is the point (the advertiser's report); folded in the dashboard lists. */
  tableOpen?: boolean;
};

/** Totals, a chart of impressions and of clicks per day, and every day's figures in a table. */
export function AdReport({ days, tableOpen = false }: Props) {
  const total = totalsOf(days);
  const figures = [
    ['Impressions', number.format(total.impressions)],
    ['Clicks', number.format(total.clicks)],
    ['CTR', formatCtr(total.clicks, total.impressions)],
    ['Served without JavaScript', number.format(total.servedImpressions)],
  ];
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {figures.map(([term, value]) => (
          <div key={term} className="rounded border border-rule bg-white p-3">
            <dt className="text-xs uppercase tracking-wider text-muted">{term}</dt>
            <dd className="text-2xl font-bold">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-4 md:grid-cols-2">
        <BarChart title="Impressions per day" points={days.map((d) => ({ day: d.day, value: d.impressions }))} />
        <BarChart title="Clicks per day" points={days.map((d) => ({ day: d.day, value: d.clicks }))} />
      </div>
      <details open={tableOpen} className="rounded border border-rule bg-white">
        <summary className="cursor-pointer p-3 text-sm font-semibold">Figures per day</summary>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse whitespace-nowrap text-left text-sm">
            <thead>
              <tr className="border-b border-rule">
                <th className="p-2">Day (UTC)</th>
                <th className="p-2 text-right">Impressions</th>
                <th className="p-2 text-right">Clicks</th>
                <th className="p-2 text-right">CTR</th>
                <th className="p-2 text-right">Served without JavaScript</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.day} className="border-b border-rule">
                  <td className="p-2">{d.day}</td>
                  <td className="p-2 text-right">{number.format(d.impressions)}</td>
                  <td className="p-2 text-right">{number.format(d.clicks)}</td>
                  <td className="p-2 text-right">{formatCtr(d.clicks, d.impressions)}</td>
                  <td className="p-2 text-right">{number.format(d.servedImpressions)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}

/** The range picker: a plain GET form, so it works without JavaScript and the URL can be shared. */
export function RangeForm({ range, action }: { range: ReportRange; action: string }) {
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3">
      <label className="text-sm font-semibold">
        From
        <input
          type="date"
          name="from"
          defaultValue={range.from}
          className="mt-1 block rounded border border-rule px-2 py-1 font-normal"
        />
      </label>
      <label className="text-sm font-semibold">
        To
        <input
          type="date"
          name="to"
          defaultValue={range.to}
          className="mt-1 block rounded border border-rule px-2 py-1 font-normal"
        />
      </label>
      <button type="submit" className="rounded bg-ink px-4 py-1.5 text-sm font-semibold text-white hover:bg-black">
        Show
      </button>
    </form>
  );
}
