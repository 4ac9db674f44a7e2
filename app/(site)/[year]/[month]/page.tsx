import { MonthListing, monthMetadata } from '@/components/site/listing-pages';
import { parseYearMonth } from '@/lib/posts/permalink';
import { redirectIfMoved } from '@/lib/redirects/lookup';

type Props = { params: Promise<{ year: string; month: string }> };

export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: Props) {
  const { year, month } = await params;
  return monthMetadata(year, month, 1);
}

export default async function MonthArchivePage({ params }: Props) {
  const { year, month } = await params;
  // Every two-segment address lands here, an imported site's /category/news and /tag/bridges too: on the way to the
  // 404 (not a month), its redirect if it has one. The catch-all route never sees these addresses.
  if (!parseYearMonth(year, month)) await redirectIfMoved(`/${year}/${month}`);
  return <MonthListing year={year} month={month} page={1} />;
}
