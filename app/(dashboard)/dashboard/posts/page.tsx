import type { Metadata } from 'next';
import { PageHeading } from '@/components/dashboard/page-heading';
import { Notice } from '@/components/ui/notice';
import { DataTable } from '@/components/ui/data-table';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { requirePermission } from '@/lib/auth/current-user';
import { DASHBOARD_PAGE_SIZE, listPostsFor, postListParams } from '@/lib/posts/dashboard-queries';
import { postMessages } from '@/lib/posts/messages';

export const metadata: Metadata = { title: 'Posts' };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export default async function PostsPage({ searchParams }: Props) {
  const user = await requirePermission('posts:write');
  const raw = await searchParams;
  const params = postListParams.parse(raw);
  const { posts, total, authors, seesAll } = await listPostsFor(user, params);
  const pages = Math.max(1, Math.ceil(total / DASHBOARD_PAGE_SIZE));
  const pageHref = (page: number) =>
    `?${new URLSearchParams({ ...(raw as Record<string, string>), page: String(page) })}`;
  return (
    <>
      <PageHeading title="Posts" primary={{ href: '/dashboard/posts/new', label: 'New post' }} />
      {raw.trashed && (
        <Notice tone="ok">Moved to the trash. It can be restored from the Trash filter for 30 days.</Notice>
      )}
      <form role="search" aria-label="Filter posts" className="mb-6 flex flex-wrap items-end gap-3">
        <label className="text-sm font-semibold">
          Status
          <select name="status" defaultValue={params.status ?? ''} className={inputClass()}>
            <option value="">All</option>
            {Object.entries(postMessages.status).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
            <option value="trash">Trash</option>
          </select>
        </label>
        {seesAll && (
          <label className="text-sm font-semibold">
            Author
            <select name="author" defaultValue={params.author ?? ''} className={inputClass()}>
              <option value="">Everyone</option>
              {authors.map((author) => (
                <option key={author.id} value={author.id}>
                  {author.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="text-sm font-semibold">
          Title contains
          <input type="search" name="q" defaultValue={params.q ?? ''} className={inputClass()} />
        </label>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      {posts.length === 0 ? (
        <p className="text-muted">No posts match.</p>
      ) : (
        <DataTable headings={['Title', 'Status', 'Author', 'Updated (UTC)']}>
          {posts.map((post) => (
            <tr key={post.id} className="border-b border-rule">
              <td className="p-3">
                <Link href={`/dashboard/posts/${post.id}`} className="font-semibold hover:text-accent">
                  {post.title}
                </Link>
              </td>
              <td className="p-3">
                {post.deletedAt ? 'In the trash' : postMessages.status[post.status]}
                {post.status === 'scheduled' && post.publishedAt && ` for ${dateTime.format(post.publishedAt)}`}
                {post.publishError && <span className="block text-accent">Not published: {post.publishError}</span>}
              </td>
              <td className="p-3">{post.authorName}</td>
              <td className="p-3">{dateTime.format(post.updatedAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <nav aria-label="Pagination" className="mt-4 flex justify-between text-sm">
        <span>{params.page > 1 && <Link href={pageHref(params.page - 1)}>← Newer</Link>}</span>
        <span className="text-muted">
          Page {params.page} of {pages} ({total} posts)
        </span>
        <span>{params.page < pages && <Link href={pageHref(params.page + 1)}>Older →</Link>}</span>
      </nav>
    </>
  );
}
