import { AuthorListing, authorMetadata } from '@/components/site/listing-pages';

type Props = { params: Promise<{ slug: string }> };

export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: Props) {
  return authorMetadata((await params).slug, 1);
}

export default async function AuthorPage({ params }: Props) {
  return <AuthorListing slug={(await params).slug} page={1} />;
}
