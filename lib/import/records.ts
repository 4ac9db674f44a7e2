/**
 * The neutral model every export format is read into: each record keyed by the source's own id, so that a second
 * import of the same file finds what the first one made (the `import_items` table).
 */

export type SourceFormat = 'blogger' | 'wordpress';

/** The site the export came from: `key` tells one source's ids from another's. */
export type SourceRecord = { kind: 'source'; format: SourceFormat; key: string; title: string; siteUrl: string | null };

/** A person named in the export; `id` is their email when it is a real one, else their name or login. */
export type AuthorRecord = { kind: 'author'; id: string; name: string; email: string | null };

/** A Blogger label, a WordPress category or tag: all become labels. `id` is what entries refer to it by. */
export type LabelRecord = {
  kind: 'label';
  id: string;
  name: string;
  taxonomy: 'label' | 'category' | 'tag';
  slug: string;
};

export type EntryStatus = 'published' | 'draft' | 'scheduled' | 'deleted';

/** A post or a page. `oldUrls` are every address it answered at on the old site. */
export type EntryRecord = {
  kind: 'post' | 'page';
  id: string;
  title: string;
  /** The old site's slug, kept as it was; empty when it had none (a draft). */
  slug: string;
  bodyHtml: string;
  excerpt: string;
  status: EntryStatus;
  publishedAt: Date | null;
  updatedAt: Date | null;
  authorId: string | null;
  /** Label ids (LabelRecord.id). */
  labels: string[];
  oldUrls: string[];
  commentsClosed: boolean;
  /** The attachment that is its featured image (WordPress). */
  coverId: string | null;
};

export type CommentRecord = {
  kind: 'comment';
  id: string;
  postId: string;
  parentId: string | null;
  authorName: string;
  authorEmail: string | null;
  bodyHtml: string;
  status: 'approved' | 'pending' | 'spam' | 'deleted';
  /** A pingback or trackback rather than someone's words. */
  ping: boolean;
  createdAt: Date;
};

/** A file of the old site's media library (WordPress). */
export type AttachmentRecord = { kind: 'attachment'; id: string; url: string; alt: string };

export type ImportRecord = SourceRecord | AuthorRecord | LabelRecord | EntryRecord | CommentRecord | AttachmentRecord;

/** A date from the export, or null for none or one that is not a date (WordPress writes 0000-00-00 for none). */
export function parseDate(value: string): Date | null {
  if (!value || value.startsWith('0000')) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
