import { AuthorListing, authorMetadata } from '@/components/site/listing-pages';
import { parsePageParam } from '@/lib/posts/paging';
import { NotFoundHere } from '@/components/site/site-not-found';

type Props = { params: Promise<{ slug: string; page: string }> };

export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: Props) {
  const { slug, page } = await params;
  return authorMetadata(slug, parsePageParam(page) ?? 1);
}

export default async function AuthorPagedPage({ params }: Props) {
  const { slug, page } = await params;
  const pageNumber = parsePageParam(page);
  if (!pageNumber) return <NotFoundHere />;
  return <AuthorListing slug={slug} page={pageNumber} />;
}
