import { YearListing, yearMetadata } from '@/components/site/listing-pages';
import { parsePageParam } from '@/lib/posts/paging';
import { NotFoundHere } from '@/components/site/site-not-found';

type Props = { params: Promise<{ year: string; page: string }> };

export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: Props) {
  const { year, page } = await params;
  return yearMetadata(year, parsePageParam(page) ?? 1);
}

export default async function YearArchivePagedPage({ params }: Props) {
  const { year, page } = await params;
  const pageNumber = parsePageParam(page);
  if (!pageNumber) return <NotFoundHere />;
  return <YearListing year={year} page={pageNumber} />;
}
