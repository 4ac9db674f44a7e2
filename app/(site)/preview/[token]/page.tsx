import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Article } from '@/components/site/article';
import { SiteFrame } from '@/components/site/site-frame';
import { getCommentsPage } from '@/lib/comments/queries';
import { getPreview } from '@/lib/posts/queries';
import { getSettings } from '@/lib/settings/queries';
import { scriptNonce } from '@/lib/request/script-nonce';

// A draft as it will look, for anyone holding a signed link: rendered per request, never cached or indexed.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Preview', robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

export default async function PreviewPage({ params }: Props) {
  const preview = await getPreview((await params).token);
  if (!preview) notFound();
  const settings = await getSettings();
  const comments = (await getCommentsPage(preview.post.id, 1, settings.maxReplyDepth))!;
  return (
    <SiteFrame nonce={await scriptNonce()}>
      <p role="note" className="mb-6 rounded border-l-4 border-amber-500 bg-amber-50 px-4 py-3 text-sm font-semibold">
        Preview of a {preview.status === 'scheduled' ? 'scheduled post' : 'draft'}: readers cannot see this page.
      </p>
      <Article post={preview.post} settings={settings} comments={comments} />
    </SiteFrame>
  );
}
