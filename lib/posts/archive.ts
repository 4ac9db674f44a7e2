import type { ArchiveMonth } from '@/db/queries/taxonomy';

export type { ArchiveMonth };

export type ArchiveYear = { year: number; count: number; months: ArchiveMonth[] };

/**
 * The archive as the sidebar shows it: the newest year with its months, every older year as one entry (its months
 * are on its own page). Every page carries the sidebar, so listing all months of all years would make each page
 * heavier as the archive ages: eight years of months were a third of a page's HTML and payload, and cut a cached
 * page's throughput by about half.
 */
export function sidebarArchive(months: ArchiveMonth[]): { newest: ArchiveYear | null; older: ArchiveYear[] } {
  const [newest, ...older] = groupByYear(months);
  return { newest: newest ?? null, older: older.map((year) => ({ ...year, months: [] })) };
}

/** Months grouped under their years, newest first, as listArchiveMonths returns them. */
export function groupByYear(months: ArchiveMonth[]): ArchiveYear[] {
  const years: ArchiveYear[] = [];
  for (const month of months) {
    const last = years.at(-1);
    if (last?.year === month.year) {
      last.count += month.count;
      last.months.push(month);
    } else {
      years.push({ year: month.year, count: month.count, months: [month] });
    }
  }
  return years;
}
