import { formatDateHeader, localDayKey } from '@/lib/dates';

export type DayGroup<T> = { key: string; heading: string; posts: T[] };

/** Splits posts (already newest first) into runs under one date header each. */
export function groupByDay<T extends { publishedAt: Date }>(posts: T[], timeZone: string): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const post of posts) {
    const key = localDayKey(post.publishedAt, timeZone);
    const last = groups.at(-1);
    if (last?.key === key) last.posts.push(post);
    else groups.push({ key, heading: formatDateHeader(post.publishedAt, timeZone), posts: [post] });
  }
  return groups;
}
