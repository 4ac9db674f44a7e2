import { LabelListing, labelMetadata } from '@/components/site/listing-pages';
import { parsePageParam } from '@/lib/posts/paging';
import { NotFoundHere } from '@/components/site/site-not-found';

type Props = { params: Promise<{ slug: string; page: string }> };

export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: Props) {
  const { slug, page } = await params;
  return labelMetadata(slug, parsePageParam(page) ?? 1);
}

export default async function LabelPagedPage({ params }: Props) {
  const { slug, page } = await params;
  const pageNumber = parsePageParam(page);
  if (!pageNumber) return <NotFoundHere />;
  return <LabelListing slug={slug} page={pageNumber} />;
}
