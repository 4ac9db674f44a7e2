import type { Metadata } from 'next';
import { env } from '@/lib/env';
import { alternates } from '@/lib/seo';
import { getSettings } from '@/lib/settings/queries';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSettings();
  return {
    metadataBase: new URL(env().SITE_URL),
    title: { default: settings.title, template: `%s | ${settings.title}` },
    description: settings.description,
    openGraph: { siteName: settings.title, type: 'website', locale: 'en_US' },
    alternates: alternates(),
  };
}

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}
