import type { Metadata } from 'next';
import { PageHeading } from '@/components/dashboard/page-heading';
import { Button } from '@/components/ui/button';
import { requirePermission } from '@/lib/auth/current-user';
import { restoreRevisionAction } from '@/lib/posts/actions';
import { getPostToEdit, listPostRevisions } from '@/lib/posts/dashboard-queries';
import { diffLines, htmlToLines } from '@/lib/posts/diff';

export const metadata: Metadata = { title: 'History' };

const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const lineStyle = {
  same: 'text-muted',
  added: 'bg-green-50 text-green-900',
  removed: 'bg-red-50 text-red-900 line-through',
};
const marks = { same: ' ', added: '+', removed: '−' };

export default async function PostHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('posts:write');
  const post = await getPostToEdit(user, (await params).id);
  const revisions = await listPostRevisions(post.id);
  const current = htmlToLines(`<p>${post.title}</p>${post.bodyHtml}`);
  return (
    <>
      <PageHeading
        title={`History of “${post.title}”`}
        links={[{ href: `/dashboard/posts/${post.id}`, label: 'Back to the editor' }]}
      />
      {revisions.length === 0 && (
        <p className="text-muted">No earlier versions: revisions are kept from each save of a published post.</p>
      )}
      <ol className="space-y-8">
        {revisions.map((revision) => (
          <li key={revision.id} className="rounded border border-rule bg-white p-4">
            <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
              <h2 className="font-semibold">
                Version saved before {when.format(revision.createdAt)} UTC by{' '}
                {revision.savedByName ?? 'someone no longer here'}
              </h2>
              <form action={restoreRevisionAction}>
                <input type="hidden" name="id" value={post.id} />
                <input type="hidden" name="revisionId" value={revision.id} />
                <Button type="submit" variant="secondary">
                  Restore this version
                </Button>
              </form>
            </div>
            <p className="mb-2 text-xs text-muted">Changes from this version to the current one:</p>
            <pre className="whitespace-pre-wrap font-sans text-sm">
              {diffLines(htmlToLines(`<p>${revision.title}</p>${revision.bodyHtml}`), current).map((line, i) => (
                <div key={i} className={lineStyle[line.kind]}>
                  <span aria-hidden="true">{marks[line.kind]} </span>
                  <span className="sr-only">{line.kind === 'same' ? '' : `${line.kind}: `}</span>
                  {line.text}
                </div>
              ))}
            </pre>
          </li>
        ))}
      </ol>
    </>
  );
}
