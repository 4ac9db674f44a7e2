import 'server-only';
import { inArray } from 'drizzle-orm';
import { pages, posts } from '@/db/schema';
import type { Database } from '@/lib/db';
import { postPath } from '@/lib/posts/permalink';
import { normalizeOldPath } from '@/lib/redirects/paths';
import { slugify } from '@/lib/slug';
import type { KnownItems } from '../import-items';
import type { EntryStub, Survey } from '../survey';

/** Where an entry will live here: its slug (the old one when free) and its address (none for a draft). */
export type Placement = { slug: string; path: string | null };

export type Addresses = {
  placements: Map<string, Placement>;
  /** Entries whose slug was taken here and got a suffix. */
  renamed: { item: string; from: string; to: string }[];
  /** The new address of a link to the old site, or null for a link elsewhere. */
  newAddress: (href: string) => string | null;
};

export const pagePath = (slug: string) => `/p/${slug}`;

/**
 * Plans every entry's slug and address before anything is written, so that links between imported posts can be
 * rewritten as each body is written. Slugs stay as they were on the old site; one already taken here (by a post or
 * page that did not come from this source) gets -2, -3…, and the summary lists it.
 */
export async function planAddresses(
  db: Database,
  survey: Survey,
  known: KnownItems,
  timeZone: string,
): Promise<Addresses> {
  const wanted = [...survey.entries.values()].map((entry) => ({ entry, slug: baseSlug(entry) }));
  // Every slug in use (a string each: small beside the site itself), so that suffixes are checked too.
  const taken = new Set(
    [
      ...(await db.select({ slug: posts.slug }).from(posts)),
      ...(await db.select({ slug: pages.slug }).from(pages)),
    ].map((row) => row.slug),
  );
  const mine = await earlierSlugs(db, known);
  const placements = new Map<string, Placement>();
  const renamed: Addresses['renamed'] = [];
  for (const { entry, slug: base } of wanted) {
    let slug = mine.get(`${entry.kind}:${entry.id}`);
    if (!slug) {
      slug = base;
      for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
      if (slug !== base) renamed.push({ item: `${entry.kind} “${entry.title}”`, from: base, to: slug });
    }
    taken.add(slug);
    const path =
      entry.kind === 'page'
        ? pagePath(slug)
        : entry.publishedAt
          ? postPath({ slug, publishedAt: entry.publishedAt }, timeZone)
          : null;
    placements.set(entry.id, { slug, path });
  }

  const byOldPath = new Map<string, string>();
  const hosts = new Set<string>();
  for (const entry of survey.entries.values()) {
    const path = placements.get(entry.id)?.path;
    for (const url of entry.oldUrls) {
      if (/^https?:/.test(url)) hosts.add(new URL(url).host);
      const old = normalizeOldPath(url);
      if (path && old) byOldPath.set(old, path);
    }
  }
  const newAddress = (href: string) => {
    let url: URL;
    try {
      url = new URL(href, 'http://relative.invalid');
    } catch {
      return null;
    }
    if (url.host !== 'relative.invalid' && !hosts.has(url.host)) return null;
    const old = normalizeOldPath(`${url.pathname}${url.search}`);
    const to = old ? byOldPath.get(old) : undefined;
    return to ? `${to}${url.hash}` : null;
  };
  return { placements, renamed, newAddress };
}

function baseSlug(entry: EntryStub): string {
  return slugify(entry.slug) || slugify(entry.title) || `${entry.kind}-${slugify(entry.id)}`;
}

/** The slugs entries of this source already have here (a second import keeps them). */
async function earlierSlugs(db: Database, known: KnownItems): Promise<Map<string, string>> {
  const slugs = new Map<string, string>();
  for (const kind of ['post', 'page'] as const) {
    const ids = [...known[kind].entries()];
    if (ids.length === 0) continue;
    const table = kind === 'post' ? posts : pages;
    const rows = await db
      .select({ id: table.id, slug: table.slug })
      .from(table)
      .where(
        inArray(
          table.id,
          ids.map(([, id]) => Number(id)),
        ),
      );
    const slugById = new Map(rows.map((row) => [String(row.id), row.slug]));
    for (const [externalId, id] of ids) {
      const slug = slugById.get(id);
      if (slug) slugs.set(`${kind}:${externalId}`, slug);
    }
  }
  return slugs;
}
