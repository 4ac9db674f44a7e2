import { localYearMonth } from '@/lib/dates';

/** Blogger-style permalink, /YYYY/MM/slug, with the month of publication in the site's time zone. */
export function postPath(post: { slug: string; publishedAt: Date }, timeZone: string): string {
  const { year, month } = localYearMonth(post.publishedAt, timeZone);
  return `/${year}/${String(month).padStart(2, '0')}/${post.slug}`;
}

export function monthPath(year: number, month: number): string {
  return `/${year}/${String(month).padStart(2, '0')}`;
}

/** `/2015/09` params: a four-digit year and a two-digit month, or null. */
export function parseYearMonth(year: string, month: string): { year: number; month: number } | null {
  if (!/^\d{4}$/.test(year) || !/^\d{2}$/.test(month)) return null;
  const parsed = { year: Number(year), month: Number(month) };
  return parsed.month >= 1 && parsed.month <= 12 ? parsed : null;
}
