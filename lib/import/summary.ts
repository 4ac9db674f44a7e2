import { importMessages } from './messages';
import type { ImportSummary } from './run-import';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The summary in a sentence, as the dashboard and `npm run import` show it: "Imported 58 posts, 21 pages, 33
 * comments, 14 labels; 37 images copied, 0 left at the old address; 3 skipped: …".
 */
export function describeSummary(summary: ImportSummary): string {
  const counts = summary.dryRun ? summary.found : summary.created;
  const head = summary.dryRun ? 'Would import' : 'Imported';
  const parts = [
    `${head} ${plural(counts.posts, 'post')}, ${plural(counts.pages, 'page')}, ${plural(counts.comments, 'comment')}, ${plural(counts.labels, 'label')}, ${plural(counts.authors, 'author')}`,
  ];
  if (!summary.dryRun) {
    const left = summary.images.leftAtOldAddress + summary.images.failures.length;
    parts.push(`${plural(summary.images.copied, 'image')} copied, ${left} left at the old address`);
    const already = (['posts', 'pages', 'comments'] as const).reduce(
      (n, k) => n + summary.found[k] - summary.created[k],
      0,
    );
    if (already > 0) parts.push(`${already} already imported before`);
  }
  const skipped = summary.skipped.map((skip) => `${skip.item} (${skip.reason})`);
  parts.push(skipped.length ? `${summary.skipped.length} skipped: ${skipped.join('; ')}` : '0 skipped');
  const renamed = summary.renamed.map((r) => `${r.item} is at ${r.to}, ${r.from} being taken`);
  const undone = summary.earlierRestoreUndone ? `${importMessages.earlierRestoreUndone} ` : '';
  return `${undone}${parts.join('; ')}.${renamed.length ? ` Renamed: ${renamed.join('; ')}.` : ''}`;
}
