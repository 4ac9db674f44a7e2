import { formatMonth } from '@/lib/dates';
import { sidebarArchive, type ArchiveMonth } from '@/lib/posts/archive';
import { monthPath, yearPath } from '@/lib/posts/permalink';
import { Widget } from './widget';

/**
 * Blogger's "Blog Archive": the newest year open to its months, older years as links to their own pages (which list
 * their months), each with its post count. <details> needs no JavaScript. Plain links: a long archive would
 * otherwise be many client components to render and prefetch on every page.
 */
export function ArchiveWidget({ months }: { months: ArchiveMonth[] }) {
  const { newest, older } = sidebarArchive(months);
  if (!newest) return null;
  return (
    <Widget title="Blog Archive">
      <ul className="space-y-1">
        <li>
          <details open>
            <summary className="cursor-pointer font-semibold">
              {newest.year} <span className="font-normal text-muted">({newest.count})</span>
            </summary>
            <MonthLinks months={newest.months} />
          </details>
        </li>
        {older.map((year) => (
          // Indented as far as the open year's name, past its disclosure triangle.
          <li key={year.year} className="pl-4">
            <a href={yearPath(year.year)} className="font-semibold hover:text-accent">
              {year.year}
            </a>{' '}
            <span className="text-muted">({year.count})</span>
          </li>
        ))}
      </ul>
    </Widget>
  );
}

/** A year's months with their post counts: in the sidebar, and at the top of the year's own page. */
export function MonthLinks({
  months,
  className = 'ml-5 mt-1 space-y-1',
}: {
  months: ArchiveMonth[];
  className?: string;
}) {
  return (
    <ul className={className}>
      {months.map((m) => (
        <li key={m.month}>
          <a href={monthPath(m.year, m.month)} className="hover:text-accent">
            {formatMonth(m)}
          </a>{' '}
          <span className="text-muted">({m.count})</span>
        </li>
      ))}
    </ul>
  );
}
