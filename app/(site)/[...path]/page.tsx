import { NotFoundHere } from '@/components/site/site-not-found';
import { redirectIfMoved } from '@/lib/redirects/lookup';

type Props = { params: Promise<{ path: string[] }> };

/**
 * Every address no other route matches (an imported site's /about, /2018/10/20/slug, /search/label/News): its
 * redirect when it has one, else the 404 page. Rendered per address and never kept (lib/cache/keep-only-found.ts):
 * a scanner's probe costs one render and one indexed lookup, where it used to get the prerendered 404.
 */
export const generateStaticParams = async () => [];

export default async function UnknownAddress({ params }: Props) {
  await redirectIfMoved(`/${(await params).path.join('/')}`);
  return <NotFoundHere />;
}
