import { MonthListing, monthMetadata } from '@/components/site/listing-pages';
import { parsePageParam } from '@/lib/posts/paging';
import { NotFoundHere } from '@/components/site/site-not-found';

type Props = { params: Promise<{ year: string; month: string; page: string }> };

export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: Props) {
  const { year, month, page } = await params;
  return monthMetadata(year, month, parsePageParam(page) ?? 1);
}

export default async function MonthArchivePagedPage({ params }: Props) {
  const { year, month, page } = await params;
  const pageNumber = parsePageParam(page);
  if (!pageNumber) return <NotFoundHere />;
  return <MonthListing year={year} month={month} page={pageNumber} />;
}
