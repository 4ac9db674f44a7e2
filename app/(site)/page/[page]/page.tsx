import { HomeListing, homeMetadata } from '@/components/site/listing-pages';
import { parsePageParam } from '@/lib/posts/paging';
import { NotFoundHere } from '@/components/site/site-not-found';

type Props = { params: Promise<{ page: string }> };

// Rendered on first visit, then served from the cache until posts change.
export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: Props) {
  return homeMetadata(parsePageParam((await params).page) ?? 1);
}

export default async function HomePagedPage({ params }: Props) {
  const page = parsePageParam((await params).page);
  if (!page) return <NotFoundHere />;
  return <HomeListing page={page} />;
}
