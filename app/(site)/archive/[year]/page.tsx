import { YearListing, yearMetadata } from '@/components/site/listing-pages';

type Props = { params: Promise<{ year: string }> };

// Rendered on first visit, then served from the cache until posts change.
export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: Props) {
  return yearMetadata((await params).year, 1);
}

export default async function YearArchivePage({ params }: Props) {
  return <YearListing year={(await params).year} page={1} />;
}
