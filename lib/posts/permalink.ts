import { localYearMonth } from '@/lib/dates';

/** Blogger-style permalink, /YYYY/MM/slug, with the month of publication in the site's time zone. */
export function postPath(post: { slug: string; publishedAt: Date }, timeZone: string): string {
  const { year, month } = localYearMonth(post.publishedAt, timeZone);
  return `/${year}/${String(month).padStart(2, '0')}/${post.slug}`;
}

/**
 * A year's page. Not /2015 like Blogger's: a dynamic route at the top level would render (and cache) a not-found
 * page for every one-segment URL a scanner tries (/wp-login.php, /.env), where today those never reach a page.
 */
export function yearPath(year: number): string {
  return `/archive/${year}`;
}

/** The year of `/archive/2015`: a four-digit year, or null. */
export function parseYear(year: string): number | null {
  return /^\d{4}$/.test(year) ? Number(year) : null;
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

/** A label's listing, /label/slug, as Blogger's /search/label/slug without the "search". */
export function labelPath(slug: string): string {
  return `/label/${slug}`;
}

export function authorPath(slug: string): string {
  return `/author/${slug}`;
}
