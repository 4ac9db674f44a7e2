import 'server-only';
import { ensureLabels } from '@/db/queries/dashboard-posts';
import type { Database } from '@/lib/db';
import { labelPath } from '@/lib/posts/permalink';
import { saveRedirects, type RedirectWrite } from '@/lib/redirects/write';
import { slugify } from '@/lib/slug';
import { rememberItem, type KnownItems } from '../import-items';
import type { LabelRecord } from '../records';
import type { Survey } from '../survey';

const feedPath = '/feed.xml';

/** The label's address on the old site. */
function oldLabelPath(label: LabelRecord): string {
  if (label.taxonomy === 'category') return `/category/${label.slug}/`;
  if (label.taxonomy === 'tag') return `/tag/${label.slug}/`;
  return `/search/label/${encodeURIComponent(label.name)}`;
}

/**
 * Labels for Blogger's labels and WordPress's categories and tags alike (one of each name), with redirects from
 * their old addresses and from the old site's feed. Returns the source's label id → label name.
 */
export async function importLabels(db: Database, survey: Survey, known: KnownItems): Promise<Map<string, string>> {
  const key = survey.source.key;
  const names = new Map<string, string>();
  const redirects: RedirectWrite[] = [
    survey.source.format === 'blogger'
      ? { fromPath: '/feeds/posts/default', toPath: feedPath, source: 'import' }
      : { fromPath: '/feed/', toPath: feedPath, source: 'import' },
  ];
  await db.transaction(async (tx) => {
    for (const label of survey.labels.values()) {
      const slug = slugify(label.name);
      names.set(label.id, label.name);
      redirects.push({ fromPath: oldLabelPath(label), toPath: labelPath(slug), source: 'import' });
      if (known.label.has(label.id)) continue;
      const [id] = await ensureLabels(tx, [{ name: label.name, slug }]);
      await rememberItem(tx, known, key, 'label', label.id, id);
    }
    await saveRedirects(tx, redirects);
  });
  return names;
}
