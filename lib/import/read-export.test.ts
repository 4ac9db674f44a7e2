import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importMessages } from './messages';
import type { CommentRecord, EntryRecord, ImportRecord } from './records';
import { readExport } from './read-export';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);

async function read(name: string): Promise<ImportRecord[]> {
  const records: ImportRecord[] = [];
  for await (const record of readExport(fixture(name))) records.push(record);
  return records;
}

const entries = (records: ImportRecord[]) =>
  records.filter((r): r is EntryRecord => r.kind === 'post' || r.kind === 'page');
const comments = (records: ImportRecord[]) => records.filter((r): r is CommentRecord => r.kind === 'comment');

describe('readExport: Blogger, current schema', () => {
  it('reads posts, pages, drafts, scheduled and deleted posts with their slugs, labels and old addresses', async () => {
    const records = await read('blogger-current.xml');
    expect(records[0]).toMatchObject({ kind: 'source', format: 'blogger', key: 'blogger:7301' });
    const byId = Object.fromEntries(entries(records).map((e) => [e.id, e]));
    expect(byId['post-1001']).toMatchObject({
      kind: 'post',
      title: 'Harbour wall to be rebuilt',
      slug: 'harbour-wall-to-be-rebuilt',
      status: 'published',
      publishedAt: new Date('2018-10-19T09:00:00.000Z'),
      authorId: 'mara@harbourgazette.example',
      labels: ['Council', 'Harbour'],
      excerpt: 'The council votes to rebuild the old harbour wall.',
    });
    expect(byId['post-1001'].oldUrls).toEqual([
      '/2018/10/harbour-wall-to-be-rebuilt.html',
      'https://harbourgazette.blogspot.com/2018/10/harbour-wall-to-be-rebuilt.html',
    ]);
    expect(byId['post-1001'].bodyHtml).toContain('<b>old harbour wall</b>');
    expect(byId['post-1002']).toMatchObject({ status: 'draft', slug: '', publishedAt: null });
    expect(byId['post-1003']).toMatchObject({ status: 'scheduled', slug: 'regatta-preview' });
    expect(byId['post-1004']).toMatchObject({ status: 'deleted' });
    expect(byId['page-2001']).toMatchObject({ kind: 'page', slug: 'about', oldUrls: ['/p/about.html'] });
    // A commenter without a real email is an author only by name.
    expect(records).toContainEqual({ kind: 'author', id: 'name:Tom Reyes', name: 'Tom Reyes', email: null });
  });

  it('reads comments with their post, the comment they answer and their status', async () => {
    const byId = Object.fromEntries(comments(await read('blogger-current.xml')).map((c) => [c.id, c]));
    expect(byId['post-3001']).toMatchObject({
      postId: 'post-1001',
      parentId: null,
      status: 'approved',
      authorName: 'Jo Bell',
    });
    expect(byId['post-3002']).toMatchObject({
      postId: 'post-1001',
      parentId: 'post-3001',
      authorEmail: 'mara@harbourgazette.example',
    });
    expect(byId['post-3003'].status).toBe('spam');
    expect(byId['post-3004'].status).toBe('deleted');
  });
});

describe('readExport: Blogger, older schema', () => {
  it('tells posts from comments by their kind, drafts by app:draft, and threads by thr:in-reply-to', async () => {
    const records = await read('blogger-legacy.xml');
    expect(records[0]).toMatchObject({ kind: 'source', key: 'blogger:5150' });
    const [post, draft] = entries(records);
    expect(post).toMatchObject({ id: 'post-77', slug: 'mill-reopens', status: 'published', labels: ['Mill'] });
    expect(post.oldUrls).toContain('/2012/03/mill-reopens.html');
    expect(draft).toMatchObject({ id: 'post-78', status: 'draft' });
    expect(comments(records).map((c) => [c.id, c.postId, c.parentId])).toEqual([
      ['post-90', 'post-77', null],
      ['post-91', 'post-77', 'post-90'],
    ]);
    // The settings entries are not content.
    expect(entries(records)).toHaveLength(2);
  });
});

describe('readExport: WordPress WXR', () => {
  it('reads authors, categories and tags, and each post type with its status, dates and addresses', async () => {
    const records = await read('wordpress.xml');
    expect(records[0]).toMatchObject({ kind: 'source', format: 'wordpress', siteUrl: 'https://riverside.example' });
    expect(records).toContainEqual({ kind: 'author', id: 'lena', name: 'Lena Ortiz', email: 'lena@riverside.example' });
    expect(records).toContainEqual({
      kind: 'label',
      id: 'category:town-hall',
      name: 'Town Hall',
      taxonomy: 'category',
      slug: 'town-hall',
    });
    expect(records).toContainEqual({
      kind: 'label',
      id: 'tag:bridges',
      name: 'Bridges',
      taxonomy: 'tag',
      slug: 'bridges',
    });
    const byId = Object.fromEntries(entries(records).map((e) => [e.id, e]));
    expect(byId['101']).toMatchObject({
      kind: 'post',
      slug: 'bridge-closes',
      status: 'published',
      publishedAt: new Date('2018-10-20T09:15:00Z'),
      excerpt: 'Six weeks of detours.',
      labels: ['category:town-hall', 'tag:bridges'],
      coverId: '150',
      commentsClosed: false,
      oldUrls: ['https://riverside.example/2018/10/20/bridge-closes/', 'https://riverside.example/?p=101'],
    });
    expect(byId['100'].commentsClosed).toBe(true);
    expect(byId['102']).toMatchObject({ status: 'draft', publishedAt: null });
    expect(byId['103']).toMatchObject({ status: 'scheduled', publishedAt: new Date('2031-07-01T09:00:00Z') });
    expect(byId['104'].status).toBe('deleted');
    expect(byId['2']).toMatchObject({ kind: 'page', slug: 'about' });
    expect(byId['2'].oldUrls).toContain('https://riverside.example/?page_id=2');
    expect(records).toContainEqual({
      kind: 'attachment',
      id: '150',
      url: 'https://riverside.example/wp-content/uploads/2018/10/bridge.jpg',
      alt: 'The old bridge',
    });
    // Menu items are not content.
    expect(entries(records).map((e) => e.id)).not.toContain('160');
  });

  it('reads comments with their threading, approval and kind', async () => {
    const byId = Object.fromEntries(comments(await read('wordpress.xml')).map((c) => [c.id, c]));
    expect(byId['11']).toMatchObject({ postId: '101', parentId: null, status: 'approved', authorName: 'Sam Field' });
    expect(byId['12']).toMatchObject({ parentId: '11', createdAt: new Date('2018-10-20T13:30:00Z') });
    expect(byId['13'].status).toBe('pending');
    expect(byId['14'].status).toBe('spam');
    expect(byId['15'].ping).toBe(true);
  });
});

describe('readExport refuses', () => {
  it.each([
    ['billion-laughs.xml', importMessages.doctype],
    ['external-entity.xml', importMessages.doctype],
    ['not-an-export.xml', importMessages.expected],
  ])('%s', async (name, message) => {
    await expect(read(name)).rejects.toThrow(message);
  });

  it('a truncated file, as not well-formed', async () => {
    await expect(read('truncated.xml')).rejects.toThrow(/not well-formed/);
  });
});
