/**
 * The form in which an old address is stored and looked up: a path on this site, without its host, its fragment or
 * a trailing slash (WordPress writes `/about/`, links often drop it), with its query parameters sorted (`/?p=12`).
 * Returns null for what cannot be an address here (another host's URL, an empty string).
 */
export function normalizeOldPath(input: string, siteOrigin?: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = new URL(trimmed, 'http://old.invalid');
  } catch {
    return null;
  }
  const relative = trimmed.startsWith('/') && !trimmed.startsWith('//');
  if (!relative && siteOrigin && url.origin !== new URL(siteOrigin).origin) return null;
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : '/';
  url.searchParams.sort();
  const query = url.searchParams.toString();
  return query ? `${path}?${query}` : path;
}
