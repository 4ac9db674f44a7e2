import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Article } from '@/components/site/article';
import { SiteFrame } from '@/components/site/site-frame';
import { getDb } from '@/lib/db';
import { getPostForPreview } from '@/db/queries/posts';
import { isPreviewSignatureValid, readPreviewToken } from '@/lib/posts/preview';
import { getSettings } from '@/lib/settings/queries';

// A draft as it will look, for anyone holding a signed link: rendered per request, never cached or indexed.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Preview', robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

export default async function PreviewPage({ params }: Props) {
  const token = readPreviewToken((await params).token);
  if (!token) notFound();
  const found = await getPostForPreview(await getDb(), token.postId);
  if (!found || !isPreviewSignatureValid(token, found.previewSecret)) notFound();
  const settings = await getSettings();
  const post = { ...found.detail, publishedAt: found.detail.publishedAt ?? new Date() };
  return (
    <SiteFrame>
      <p role="note" className="mb-6 rounded border-l-4 border-amber-500 bg-amber-50 px-4 py-3 text-sm font-semibold">
        Preview of a {found.status === 'scheduled' ? 'scheduled post' : 'draft'}: readers cannot see this page.
      </p>
      <Article post={post} settings={settings} />
    </SiteFrame>
  );
}
