/** A `/page/N` segment: N from 2 up (page 1 is the listing's own URL), or null for anything else. */
export function parsePageParam(value: string): number | null {
  if (!/^[1-9]\d{0,5}$/.test(value)) return null;
  const page = Number(value);
  return page >= 2 ? page : null;
}
