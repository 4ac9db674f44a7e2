import { HomeListing, homeMetadata } from '@/components/site/listing-pages';

export const generateMetadata = () => homeMetadata(1);

export default function HomePage() {
  return <HomeListing page={1} />;
}
