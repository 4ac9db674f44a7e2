import { unstable_cache } from 'next/cache';
import { getDb, type Database } from '@/lib/db';

type Query<A extends unknown[], R> = (db: Database, ...args: A) => Promise<R>;

/**
 * Wraps a query in Next's data cache under the given tags. Entries live until a write revalidates one of
 * their tags; a page that reads them is tagged too, so revalidation reaches the static pages. With
 * `revalidateSeconds` they are also read again that long after they were made, and so is every page that reads
 * them (Next takes a page's revalidation time from its shortest read).
 */
export function cached<A extends unknown[], R>(
  name: string,
  query: Query<A, R>,
  tagsFor: (...args: A) => string[],
  { revalidateSeconds }: { revalidateSeconds?: number } = {},
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    const read = unstable_cache(async () => query(await getDb(), ...args), [name, JSON.stringify(args)], {
      tags: tagsFor(...args),
      revalidate: revalidateSeconds ?? false,
    });
    return reviveDates(await read());
  };
}

/**
 * The data cache stores JSON, so Dates come back as strings. Our date fields are all named `...At`:
 * only those are turned back into Dates, so a reader's text that looks like a date stays text.
 */
export function reviveDates<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reviveDates) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, field]) => [
        key,
        key.endsWith('At') && typeof field === 'string' ? new Date(field) : reviveDates(field),
      ]),
    ) as T;
  }
  return value;
}
