import type { ArchiveMonth } from '@/db/queries/taxonomy';
import { formatMonth } from '@/lib/dates';
import { monthPath } from '@/lib/posts/permalink';
import { Widget } from './widget';

/**
 * Blogger's "Blog Archive": years that open to months, with post counts. <details> needs no JavaScript. Plain links:
 * a long archive would otherwise be a hundred client components to render and prefetch on every page.
 */
export function ArchiveWidget({ months }: { months: ArchiveMonth[] }) {
  const years = [...new Set(months.map((m) => m.year))];
  return (
    <Widget title="Blog Archive">
      <ul className="space-y-1">
        {years.map((year, index) => {
          const ofYear = months.filter((m) => m.year === year);
          const total = ofYear.reduce((sum, m) => sum + m.count, 0);
          return (
            <li key={year}>
              <details open={index === 0}>
                <summary className="cursor-pointer font-semibold">
                  {year} <span className="font-normal text-muted">({total})</span>
                </summary>
                <ul className="ml-5 mt-1 space-y-1">
                  {ofYear.map((m) => (
                    <li key={m.month}>
                      <a href={monthPath(m.year, m.month)} className="hover:text-accent">
                        {formatMonth(m)}
                      </a>{' '}
                      <span className="text-muted">({m.count})</span>
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          );
        })}
      </ul>
    </Widget>
  );
}
