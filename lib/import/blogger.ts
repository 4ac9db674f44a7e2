import { importMessages } from './messages';
import { parseDate, type EntryStatus, type ImportRecord } from './records';
import { child, childrenNamed, ImportRefusedError, textOf, type XmlElement } from './xml-items';

const kindScheme = 'http://schemas.google.com/g/2005#kind';
const labelScheme = 'http://www.blogger.com/atom/ns#';
// Blogger writes this address for commenters who gave none.
const noEmail = 'noreply@blogger.com';

/** The blog's id from an entry or feed id: `tag:blogger.com,1999:blog-7301.post-1001` → `7301`. */
function blogIdOf(id: string): string | null {
  return /^tag:blogger\.com,1999:blog-(\d+)/.exec(id)?.[1] ?? null;
}

/** The item's own id within the blog: `post-1001`, `page-2001`. */
function localId(id: string): string {
  return id.replace(/^tag:blogger\.com,1999:blog-\d+\./, '');
}

/**
 * Maps one child of a Blogger backup's <feed> to records. Reads both schemas: the current one (blogger:type,
 * blogger:status, blogger:filename, blogger:parent) and the older one (a category of the `#kind` scheme, app:draft,
 * thr:in-reply-to).
 */
export function bloggerRecords(element: XmlElement): ImportRecord[] {
  if (element.name === 'id') {
    const blogId = blogIdOf(element.text.trim());
    if (!blogId) throw new ImportRefusedError(importMessages.expected);
    return [{ kind: 'source', format: 'blogger', key: `blogger:${blogId}`, title: '', siteUrl: null }];
  }
  if (element.name !== 'entry') return [];
  const id = textOf(element, 'id');
  const kind = entryKind(element);
  if (!kind || !blogIdOf(id)) return [];
  const records: ImportRecord[] = [];
  const author = child(element, 'author');
  const authorName = author ? textOf(author, 'name') || 'Anonymous' : 'Anonymous';
  const email = author ? textOf(author, 'email').toLowerCase() : '';
  const authorEmail = email && email !== noEmail ? email : null;
  const published = parseDate(textOf(element, 'published'));
  const updated = parseDate(textOf(element, 'updated'));
  const bodyHtml = textOf(element, 'content');

  if (kind === 'comment') {
    const replyTo = child(element, 'thr:in-reply-to')?.attributes.ref ?? '';
    const postId = textOf(element, 'blogger:parent') || replyTo;
    // Threads: the current schema names the comment answered; the older one links to it as `related`.
    const related = childrenNamed(element, 'link').find((link) => link.attributes.rel === 'related')?.attributes.href;
    const parentId = textOf(element, 'blogger:inReplyTo') || (related ? `post-${related.split('/').pop()}` : '');
    const status = textOf(element, 'blogger:status');
    records.push({
      kind: 'comment',
      id: localId(id),
      postId: localId(postId),
      parentId: parentId ? localId(parentId) : null,
      authorName,
      authorEmail,
      bodyHtml,
      status:
        status === 'DELETED' ? 'deleted' : status === 'SPAM' ? 'spam' : status === 'PENDING' ? 'pending' : 'approved',
      ping: false,
      createdAt: published ?? updated ?? new Date(0),
    });
    return records;
  }

  const authorId = authorEmail ?? `name:${authorName}`;
  records.push({ kind: 'author', id: authorId, name: authorName, email: authorEmail });
  const labels = childrenNamed(element, 'category')
    .filter((category) => category.attributes.scheme !== kindScheme)
    .filter((category) => !category.attributes.scheme || category.attributes.scheme === labelScheme)
    .map((category) => category.attributes.term?.trim() ?? '')
    .filter(Boolean);
  for (const name of labels) records.push({ kind: 'label', id: name, name, taxonomy: 'label', slug: name });

  const alternate = childrenNamed(element, 'link').find(
    (link) => link.attributes.rel === 'alternate' && link.attributes.type === 'text/html',
  )?.attributes.href;
  const filename = textOf(element, 'blogger:filename');
  const path = filename || (alternate ? new URL(alternate).pathname : '');
  const status = entryStatus(element, published);
  records.push({
    kind,
    id: localId(id),
    title: textOf(element, 'title'),
    slug: /\/([^/]+)\.html$/.exec(path)?.[1] ?? '',
    bodyHtml,
    excerpt: textOf(element, 'blogger:metaDescription'),
    status,
    publishedAt: status === 'draft' ? null : published,
    updatedAt: updated,
    authorId,
    labels,
    oldUrls: [...new Set([path, alternate ?? ''].filter(Boolean))],
    commentsClosed: false,
    coverId: null,
  });
  return records;
}

function entryKind(element: XmlElement): 'post' | 'page' | 'comment' | null {
  const type = textOf(element, 'blogger:type');
  const legacy = childrenNamed(element, 'category').find((c) => c.attributes.scheme === kindScheme)?.attributes.term;
  const kind = type ? type.toLowerCase() : legacy?.split('#').pop();
  return kind === 'post' || kind === 'page' || kind === 'comment' ? kind : null;
}

function entryStatus(element: XmlElement, published: Date | null): EntryStatus {
  const status = textOf(element, 'blogger:status');
  if (status === 'DELETED' || status === 'SOFT_TRASHED') return 'deleted';
  if (status === 'DRAFT') return 'draft';
  if (status === 'SCHEDULED') return 'scheduled';
  if (status) return 'published';
  // The older schema marks drafts in app:control, and nothing else.
  const control = child(element, 'app:control');
  if (control && textOf(control, 'app:draft') === 'yes') return 'draft';
  return published && published > new Date() ? 'scheduled' : 'published';
}
