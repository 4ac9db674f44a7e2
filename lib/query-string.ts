/** A query-string value as Next hands it to a page: absent, once, or repeated (the first counts). */
export function firstValue<T>(value: T | T[] | undefined): T | undefined {
  return Array.isArray(value) ? value[0] : value;
}
