import { notFound } from 'next/navigation';
import { YearListing, yearMetadata } from '@/components/site/listing-pages';
import { parsePageParam } from '@/lib/posts/paging';

type Props = { params: Promise<{ year: string; page: string }> };

export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: Props) {
  const { year, page } = await params;
  return yearMetadata(year, parsePageParam(page) ?? 1);
}

export default async function YearArchivePagedPage({ params }: Props) {
  const { year, page } = await params;
  const pageNumber = parsePageParam(page);
  if (!pageNumber) notFound();
  return <YearListing year={year} page={pageNumber} />;
}
