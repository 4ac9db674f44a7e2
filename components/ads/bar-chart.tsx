const WIDTH = 600;
const HEIGHT = 120;
const AXIS = 18;

const number = new Intl.NumberFormat('en-US');
const shortDay = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const dayLabel = (day: string) => shortDay.format(new Date(`${day}T00:00:00Z`));

/**
 * One figure per day as plain SVG bars: a single dark series with its scale written out, so it reads the same in
 * greyscale, and a summary for screen readers (the table beside it has every value).
 */
export function BarChart({ title, points }: { title: string; points: { day: string; value: number }[] }) {
  const max = Math.max(1, ...points.map((p) => p.value));
  const peak = points.reduce((best, p) => (p.value > best.value ? p : best), points[0] ?? { day: '', value: 0 });
  const step = WIDTH / Math.max(1, points.length);
  const summary =
    points.length === 0
      ? `${title}: no days`
      : `${title}, ${dayLabel(points[0].day)} to ${dayLabel(points.at(-1)!.day)}: total ${number.format(points.reduce((s, p) => s + p.value, 0))}, highest ${number.format(peak.value)} on ${dayLabel(peak.day)}`;
  return (
    <figure className="rounded border border-rule bg-white p-3">
      <figcaption className="mb-2 text-sm font-semibold">{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`} role="img" aria-label={summary} className="h-auto w-full text-ink">
        <line x1={0} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} stroke="currentColor" strokeWidth={1} />
        <text x={2} y={11} fontSize={11} fill="currentColor">
          {number.format(max)}
        </text>
        {points.map((p, i) => {
          const height = (p.value / max) * (HEIGHT - 16);
          return (
            <rect
              key={p.day}
              x={i * step + step * 0.15}
              width={step * 0.7}
              y={HEIGHT - height}
              height={height}
              fill="currentColor"
            >
              <title>{`${dayLabel(p.day)}: ${number.format(p.value)}`}</title>
            </rect>
          );
        })}
        {points.length > 0 && (
          <>
            <text x={0} y={HEIGHT + 14} fontSize={11} fill="currentColor">
              {dayLabel(points[0].day)}
            </text>
            <text x={WIDTH} y={HEIGHT + 14} fontSize={11} fill="currentColor" textAnchor="end">
              {dayLabel(points.at(-1)!.day)}
            </text>
          </>
        )}
      </svg>
    </figure>
  );
}
