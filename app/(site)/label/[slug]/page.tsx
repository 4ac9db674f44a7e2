import { LabelListing, labelMetadata } from '@/components/site/listing-pages';

type Props = { params: Promise<{ slug: string }> };

export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: Props) {
  return labelMetadata((await params).slug, 1);
}

export default async function LabelPage({ params }: Props) {
  return <LabelListing slug={(await params).slug} page={1} />;
}
