import { describe, expect, it } from 'vitest';
import { writePage } from '@/lib/pages/write';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { getPublishedPageBySlug, listPublishedPages } from './pages';

const db = useFreshDatabase('page_queries');

describe('reader page queries', () => {
  it('show published pages only', async () => {
    await writePage(db(), { title: 'About us', slug: 'about', bodyHtml: '<p>Who we are</p>', status: 'published' });
    await writePage(db(), { title: 'Corrections', slug: 'corrections', status: 'draft' });
    expect(await getPublishedPageBySlug(db(), 'about')).toMatchObject({
      title: 'About us',
      bodyHtml: '<p>Who we are</p>',
    });
    expect(await getPublishedPageBySlug(db(), 'corrections')).toBeNull();
    expect((await listPublishedPages(db())).map((page) => page.slug)).toEqual(['about']);
  });
});
