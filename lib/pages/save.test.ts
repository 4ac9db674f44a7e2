import { describe, expect, it } from 'vitest';
import { getPageForEditing, getPublishedPageBySlug, listPageRevisions } from '@/db/queries/pages';
import { redirects } from '@/db/schema';
import { createAccount } from '@/lib/people/accounts';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { pageFormSchema } from './editing';
import { restorePageRevision, savePage } from './save';

const db = useFreshDatabase('save_page');
const form = (fields: Record<string, string>) => pageFormSchema.parse({ slug: '', intent: 'save', ...fields });

describe('savePage', () => {
  it('drafts, publishes, keeps versions, restores one and redirects a renamed live page', async () => {
    const { id: editor } = await createAccount(db(), { email: 'e@example.com', name: 'Ed', role: 'editor' });
    const created = await savePage(db(), editor, form({ title: 'About us', body: '<p>Hi<script>x()</script></p>' }));
    expect(created).toMatchObject({ ok: true, created: true, status: 'draft', slugs: ['about-us'] });
    const id = String((created as { id: number }).id);
    expect(await getPublishedPageBySlug(db(), 'about-us')).toBeNull();

    await savePage(db(), editor, form({ id, title: 'About us', body: '<p>Hi</p>', intent: 'publish' }));
    expect((await getPublishedPageBySlug(db(), 'about-us'))?.bodyHtml).toBe('<p>Hi</p>');

    const renamed = await savePage(db(), editor, form({ id, title: 'About', slug: 'about', body: '<p>Hello</p>' }));
    expect(renamed).toMatchObject({ ok: true, status: 'published', slugs: ['about', 'about-us'] });
    expect(await db().select({ from: redirects.fromPath, to: redirects.toPath }).from(redirects)).toEqual([
      { from: '/p/about-us', to: '/p/about' },
    ]);

    const [earlier] = await listPageRevisions(db(), Number(id));
    expect(earlier).toMatchObject({ title: 'About us', bodyHtml: '<p>Hi</p>' });
    await restorePageRevision(db(), editor, Number(id), earlier.id);
    expect(await getPageForEditing(db(), Number(id))).toMatchObject({ title: 'About us', slug: 'about' });

    const clash = await savePage(db(), editor, form({ title: 'Another', slug: 'about' }));
    expect(clash).toMatchObject({ ok: false, field: 'slug' });
  });
});
