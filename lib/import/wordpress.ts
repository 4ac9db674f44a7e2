import { parseDate, type EntryStatus, type ImportRecord } from './records';
import { child, childrenNamed, textOf, type XmlElement } from './xml-items';

// WordPress writes dates in GMT without a zone: `2018-10-20 09:15:00`.
const gmt = (value: string) => parseDate(value && !value.startsWith('0000') ? `${value.replace(' ', 'T')}Z` : '');

const statuses: Record<string, EntryStatus> = {
  publish: 'published',
  draft: 'draft',
  pending: 'draft',
  private: 'draft',
  future: 'scheduled',
  trash: 'deleted',
};

function meta(item: XmlElement, key: string): string {
  const entry = childrenNamed(item, 'wp:postmeta').find((m) => textOf(m, 'wp:meta_key') === key);
  return entry ? textOf(entry, 'wp:meta_value') : '';
}

/** Maps one child of a WXR file's <channel> (WXR 1.0–1.2) to records. */
export function wordpressRecords(element: XmlElement): ImportRecord[] {
  switch (element.name) {
    case 'wp:base_site_url': {
      const siteUrl = element.text.trim();
      return [{ kind: 'source', format: 'wordpress', key: `wordpress:${siteUrl}`, title: '', siteUrl }];
    }
    case 'wp:author': {
      const email = textOf(element, 'wp:author_email').toLowerCase();
      const login = textOf(element, 'wp:author_login');
      const name = textOf(element, 'wp:author_display_name') || login;
      return [{ kind: 'author', id: login, name, email: email || null }];
    }
    case 'wp:category':
      return [label('category', textOf(element, 'wp:category_nicename'), textOf(element, 'wp:cat_name'))];
    case 'wp:tag':
      return [label('tag', textOf(element, 'wp:tag_slug'), textOf(element, 'wp:tag_name'))];
    case 'item':
      return itemRecords(element);
    default:
      return [];
  }
}

function label(taxonomy: 'category' | 'tag', slug: string, name: string): ImportRecord {
  return { kind: 'label', id: `${taxonomy}:${slug}`, name: name || slug, taxonomy, slug };
}

function itemRecords(item: XmlElement): ImportRecord[] {
  const id = textOf(item, 'wp:post_id');
  const type = textOf(item, 'wp:post_type');
  if (type === 'attachment') {
    const url = textOf(item, 'wp:attachment_url');
    return [{ kind: 'attachment', id, url, alt: meta(item, '_wp_attachment_image_alt') || textOf(item, 'title') }];
  }
  if (type !== 'post' && type !== 'page') return [];
  const status = statuses[textOf(item, 'wp:status')] ?? 'draft';
  const link = textOf(item, 'link');
  const labels = childrenNamed(item, 'category')
    .filter((c) => c.attributes.domain === 'category' || c.attributes.domain === 'post_tag')
    .map((c) => `${c.attributes.domain === 'post_tag' ? 'tag' : 'category'}:${c.attributes.nicename ?? ''}`);
  const site = link ? new URL(link).origin : '';
  const records: ImportRecord[] = [
    {
      kind: type,
      id,
      title: textOf(item, 'title'),
      slug: textOf(item, 'wp:post_name').replace(/__trashed$/, ''),
      bodyHtml: child(item, 'content:encoded')?.text ?? '',
      excerpt: textOf(item, 'excerpt:encoded'),
      status,
      publishedAt:
        status === 'draft' ? null : (gmt(textOf(item, 'wp:post_date_gmt')) ?? parseDate(textOf(item, 'pubDate'))),
      updatedAt: gmt(textOf(item, 'wp:post_modified_gmt')),
      authorId: textOf(item, 'dc:creator') || null,
      labels,
      // Its pretty address, and the one every WordPress post answers at whatever the permalink settings.
      oldUrls: [...new Set([link, site && `${site}/?${type === 'page' ? 'page_id' : 'p'}=${id}`].filter(Boolean))],
      commentsClosed: textOf(item, 'wp:comment_status') === 'closed',
      coverId: meta(item, '_thumbnail_id') || null,
    },
  ];
  for (const comment of childrenNamed(item, 'wp:comment')) {
    const approved = textOf(comment, 'wp:comment_approved');
    const parent = textOf(comment, 'wp:comment_parent');
    const commentType = textOf(comment, 'wp:comment_type');
    records.push({
      kind: 'comment',
      id: textOf(comment, 'wp:comment_id'),
      postId: id,
      parentId: parent && parent !== '0' ? parent : null,
      authorName: textOf(comment, 'wp:comment_author') || 'Anonymous',
      authorEmail: textOf(comment, 'wp:comment_author_email').toLowerCase() || null,
      bodyHtml: textOf(comment, 'wp:comment_content'),
      status:
        approved === '1' ? 'approved' : approved === 'spam' ? 'spam' : approved === 'trash' ? 'deleted' : 'pending',
      ping: commentType === 'pingback' || commentType === 'trackback',
      createdAt: gmt(textOf(comment, 'wp:comment_date_gmt')) ?? new Date(0),
    });
  }
  return records;
}
