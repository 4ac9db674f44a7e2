import { MonthListing, monthMetadata } from '@/components/site/listing-pages';

type Props = { params: Promise<{ year: string; month: string }> };

export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: Props) {
  const { year, month } = await params;
  return monthMetadata(year, month, 1);
}

export default async function MonthArchivePage({ params }: Props) {
  const { year, month } = await params;
  return <MonthListing year={year} month={month} page={1} />;
}
