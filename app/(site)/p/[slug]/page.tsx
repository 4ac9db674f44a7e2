import type { Metadata } from 'next';
import { SiteFrame } from '@/components/site/site-frame';
import { NotFoundHere } from '@/components/site/site-not-found';
import { StaticPage } from '@/components/site/static-page';
import { getPage } from '@/lib/pages/queries';
import { pagePath } from '@/lib/pages/permalink';
import { redirectIfMoved } from '@/lib/redirects/lookup';
import { alternates } from '@/lib/seo';

type Props = { params: Promise<{ slug: string }> };

// Rendered on first visit, then cached until the page changes (tag page:SLUG).
export const generateStaticParams = async () => [];

const load = async (params: Props['params']) => getPage(decodeURIComponent((await params).slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await load(params);
  if (!page) return {};
  return { title: page.title, alternates: alternates(pagePath(page.slug)) };
}

export default async function ReaderPage({ params }: Props) {
  const page = await load(params);
  if (!page) {
    const { slug } = await params;
    // Blogger's /p/slug.html came here through next.config's redirect: an import stored that form.
    await redirectIfMoved(`/p/${slug}`, `/p/${slug}.html`);
    return <NotFoundHere />;
  }
  return (
    <SiteFrame>
      <StaticPage page={page} />
    </SiteFrame>
  );
}
