import { importMessages } from './messages';
import type { AttachmentRecord, AuthorRecord, EntryRecord, LabelRecord, SourceRecord } from './records';
import { readExport } from './read-export';

/** An item that will not come across, and why (listed in the summary). */
export type Skipped = { item: string; reason: string };

/** What an entry needs before the entries themselves are read again: where it lived, its slug, its date. */
export type EntryStub = Pick<EntryRecord, 'kind' | 'id' | 'title' | 'slug' | 'publishedAt' | 'oldUrls'>;

/**
 * A first pass over the file: everything small enough to keep (the source, authors, labels, media, and a stub of
 * each entry to come across) and the counts. The importer plans addresses and links from it before it writes, and
 * `--dry-run` reports it and stops.
 */
export type Survey = {
  source: SourceRecord;
  authors: Map<string, AuthorRecord>;
  labels: Map<string, LabelRecord>;
  attachments: Map<string, AttachmentRecord>;
  entries: Map<string, EntryStub>;
  counts: { posts: number; pages: number; comments: number; labels: number; authors: number; covers: number };
  skipped: Skipped[];
};

export const entryName = (entry: Pick<EntryRecord, 'kind' | 'title' | 'id'>) =>
  `${entry.kind} “${entry.title || entry.id}”`;

/** Whether a comment comes across, or the reason it does not (given the entries that do). */
export function commentSkipReason(
  comment: { status: string; ping: boolean; postId: string },
  entries: Map<string, unknown>,
): string | null {
  if (comment.status === 'deleted') return importMessages.skip.deletedComment;
  if (comment.ping) return importMessages.skip.pingback;
  if (!entries.has(comment.postId)) return importMessages.skip.orphanComment;
  return null;
}

export async function surveyExport(path: string): Promise<Survey> {
  let source: SourceRecord | null = null;
  const authors = new Map<string, AuthorRecord>();
  const labels = new Map<string, LabelRecord>();
  const attachments = new Map<string, AttachmentRecord>();
  const entries = new Map<string, EntryStub>();
  const comments: { id: string; status: string; ping: boolean; postId: string; authorName: string }[] = [];
  const skipped: Skipped[] = [];
  const usedAuthors = new Set<string>();
  let covers = 0;
  for await (const record of readExport(path)) {
    switch (record.kind) {
      case 'source':
        source = record;
        break;
      case 'author':
        if (!authors.has(record.id)) authors.set(record.id, record);
        break;
      case 'label':
        labels.set(record.id, record);
        break;
      case 'attachment':
        attachments.set(record.id, record);
        break;
      case 'comment':
        comments.push(record);
        break;
      default:
        if (record.status === 'deleted') {
          skipped.push({ item: entryName(record), reason: importMessages.skip.deletedPost });
          break;
        }
        entries.set(record.id, {
          kind: record.kind,
          id: record.id,
          title: record.title,
          slug: record.slug,
          publishedAt: record.publishedAt,
          oldUrls: record.oldUrls,
        });
        if (record.authorId) usedAuthors.add(record.authorId);
        if (record.coverId) covers++;
    }
  }
  let commentCount = 0;
  for (const comment of comments) {
    const reason = commentSkipReason(comment, entries);
    if (reason) skipped.push({ item: `comment by ${comment.authorName}`, reason });
    else commentCount++;
  }
  // Only people who wrote something that comes across get an account.
  for (const id of authors.keys()) if (!usedAuthors.has(id)) authors.delete(id);
  const entryList = [...entries.values()];
  return {
    source: source!,
    authors,
    labels,
    attachments,
    entries,
    counts: {
      posts: entryList.filter((e) => e.kind === 'post').length,
      pages: entryList.filter((e) => e.kind === 'page').length,
      comments: commentCount,
      labels: new Set([...labels.values()].map((label) => label.name)).size,
      authors: authors.size,
      covers,
    },
    skipped,
  };
}
