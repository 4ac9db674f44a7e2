import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPostForEditing, listRevisions } from '@/db/queries/dashboard-posts';
import { getPublishedPostBySlug } from '@/db/queries/posts';
import { labels, posts, redirects } from '@/db/schema';
import { postPath } from './permalink';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import type { CurrentUser } from '@/lib/auth/current-user';
import { createAccount } from '@/lib/people/accounts';
import { postFormSchema } from './editing';
import { savePost, trashPost } from './save';

const db = useFreshDatabase('save_post');
const people: Record<string, CurrentUser> = {};
const form = (fields: Record<string, string>) => postFormSchema.parse({ slug: '', intent: 'save', ...fields });

beforeAll(async () => {
  for (const role of ['contributor', 'author', 'editor'] as const) {
    const user = await createAccount(db(), { email: `${role}@example.com`, name: `The ${role}`, role });
    people[role] = user;
  }
});

describe('savePost', () => {
  it('creates a draft with sanitized body and new labels', async () => {
    const result = await savePost(
      db(),
      people.editor,
      form({
        title: 'Tide tables',
        body: '<p>High at noon<script>alert(1)</script></p>',
        labels: 'Weather, Harbour Life',
      }),
      undefined,
    );
    expect(result).toMatchObject({ ok: true, created: true, status: 'draft', listings: false });
    const post = await getPostForEditing(db(), (result as { id: number }).id);
    expect(post?.bodyHtml).toBe('<p>High at noon</p>');
    expect(post?.slug).toBe('tide-tables');
    expect(post?.labels).toEqual(['Harbour Life', 'Weather']);
    expect((await db().select().from(labels).where(eq(labels.slug, 'harbour-life'))).length).toBe(1);
  });

  it('lets writers without labels:manage pick only labels the site has', async () => {
    // Existing labels, whatever their case: the one that exists is used.
    const picked = await savePost(
      db(),
      people.author,
      form({ title: 'Rain again', labels: 'weather, Harbour Life' }),
      undefined,
    );
    expect(picked).toMatchObject({ ok: true, created: true });
    const id = String((picked as { id: number }).id);
    expect((await getPostForEditing(db(), Number(id)))?.labels).toEqual(['Harbour Life', 'Weather']);

    for (const role of ['author', 'contributor'] as const) {
      expect(
        await savePost(db(), people[role], form({ title: `New by ${role}`, labels: 'Weather, Ferries' }), undefined),
      ).toEqual({
        ok: false,
        field: 'labels',
        message: 'There is no label “Ferries”: choose one the site has, or ask an editor to add it.',
      });
    }
    // Nothing of a refused save is kept: not the post, not its labels, not a change to a stored post.
    expect(
      await savePost(db(), people.author, form({ id, title: 'Rain, rain again', labels: 'Ferries, Tolls' }), undefined),
    ).toMatchObject({ ok: false, field: 'labels', message: expect.stringContaining('“Ferries”, “Tolls”') });
    const kept = await getPostForEditing(db(), Number(id));
    expect(kept).toMatchObject({ title: 'Rain again', labels: ['Harbour Life', 'Weather'] });
    expect(await db().select().from(posts).where(eq(posts.slug, 'new-by-author'))).toEqual([]);
    expect(await db().select().from(labels).where(eq(labels.slug, 'ferries'))).toEqual([]);

    // Editors (and admins) add labels as they go.
    expect(
      await savePost(db(), people.editor, form({ title: 'Ferry news', labels: 'Ferries' }), undefined),
    ).toMatchObject({ ok: true });
    expect(
      await savePost(db(), people.author, form({ id, title: 'Rain again', labels: 'Ferries' }), undefined),
    ).toMatchObject({ ok: true });
  });

  it('refuses a slug another post has, with a message on the field', async () => {
    const result = await savePost(db(), people.author, form({ title: 'Tide tables' }), undefined);
    expect(result).toMatchObject({ ok: false, field: 'slug' });
  });

  it('lets a contributor submit for review but not publish', async () => {
    const draft = await savePost(db(), people.contributor, form({ title: 'Fair report' }), undefined);
    const id = String((draft as { id: number }).id);
    expect(
      await savePost(db(), people.contributor, form({ id, title: 'Fair report', intent: 'publish' }), undefined),
    ).toMatchObject({
      ok: false,
      forbidden: true,
    });
    expect(
      await savePost(db(), people.contributor, form({ id, title: 'Fair report', intent: 'submit' }), undefined),
    ).toMatchObject({
      ok: true,
      status: 'review',
    });
    // An author may not touch it; an editor publishes it.
    expect(
      await savePost(db(), people.author, form({ id, title: 'Fair report', intent: 'publish' }), undefined),
    ).toMatchObject({
      forbidden: true,
    });
    expect(
      await savePost(db(), people.editor, form({ id, title: 'Fair report', intent: 'publish' }), undefined),
    ).toMatchObject({
      ok: true,
      status: 'published',
      listings: true,
    });
    expect(await getPublishedPostBySlug(db(), 'fair-report')).not.toBeNull();
  });

  it('keeps the previous version of a published post, and unpublishes', async () => {
    const created = await savePost(
      db(),
      people.author,
      form({ title: 'Quay works', body: '<p>One</p>', intent: 'publish' }),
      undefined,
    );
    const id = String((created as { id: number }).id);
    await savePost(db(), people.author, form({ id, title: 'Quay works', body: '<p>Two</p>' }), undefined);
    const revisions = await listRevisions(db(), Number(id));
    expect(revisions.map((r) => r.bodyHtml)).toEqual(['<p>One</p>']);
    expect((await getPublishedPostBySlug(db(), 'quay-works'))?.bodyHtml).toBe('<p>Two</p>');

    const unpublished = await savePost(
      db(),
      people.author,
      form({ id, title: 'Quay works', body: '<p>Two</p>', intent: 'unpublish' }),
      undefined,
    );
    expect(unpublished).toMatchObject({ ok: true, status: 'draft', listings: true });
    expect(await getPublishedPostBySlug(db(), 'quay-works')).toBeNull();
  });

  it("leaves a redirect from a live post's old address when its slug changes, in the same save", async () => {
    const created = await savePost(db(), people.editor, form({ title: 'Harbour wall', intent: 'publish' }), undefined);
    const id = String((created as { id: number }).id);
    await savePost(db(), people.editor, form({ id, title: 'Harbour wall', slug: 'harbour-wall-repairs' }), undefined);
    const live = await getPublishedPostBySlug(db(), 'harbour-wall-repairs');
    const [oldPath, newPath] = ['harbour-wall', 'harbour-wall-repairs'].map((slug) =>
      postPath({ slug, publishedAt: live!.publishedAt }, 'UTC'),
    );
    expect(
      await db().select({ from: redirects.fromPath, to: redirects.toPath, source: redirects.source }).from(redirects),
    ).toEqual([{ from: oldPath, to: newPath, source: 'slug_change' }]);

    // A draft has no public address to keep: renaming it leaves nothing.
    const draft = await savePost(db(), people.editor, form({ title: 'Unseen' }), undefined);
    const draftId = String((draft as { id: number }).id);
    await savePost(db(), people.editor, form({ id: draftId, title: 'Unseen', slug: 'still-unseen' }), undefined);
    expect(await db().select().from(redirects)).toHaveLength(1);
  });

  it('schedules in the future only', async () => {
    const now = new Date('2030-01-01T10:00:00Z');
    const past = await savePost(
      db(),
      people.author,
      form({ title: 'Later', intent: 'schedule', scheduleAt: '2029-12-31T10:00' }),
      undefined,
      now,
    );
    expect(past).toMatchObject({ ok: false, field: 'scheduleAt' });
    const future = await savePost(
      db(),
      people.author,
      form({ title: 'Later', intent: 'schedule', scheduleAt: '2030-01-01T10:05' }),
      undefined,
      now,
    );
    expect(future).toMatchObject({ ok: true, status: 'scheduled' });
  });
});

describe('trashPost', () => {
  it("refuses someone else's post and a missing one, and trashes and restores one's own", async () => {
    const saved = await savePost(db(), people.author, form({ title: 'Ferry times', body: '<p>x</p>' }), undefined);
    if (!saved.ok) throw new Error(saved.message);
    expect(await trashPost(db(), people.contributor, saved.id, false)).toMatchObject({ ok: false, forbidden: true });
    expect(await trashPost(db(), people.author, 999_999, false)).toMatchObject({ ok: false, notFound: true });

    expect(await trashPost(db(), people.author, saved.id, false)).toMatchObject({ ok: true, slugs: ['ferry-times'] });
    expect((await getPostForEditing(db(), saved.id))?.deletedAt).toBeInstanceOf(Date);
    await trashPost(db(), people.author, saved.id, true);
    expect((await getPostForEditing(db(), saved.id))?.deletedAt).toBeNull();
  });
});
