import Link from 'next/link';
import { getSettings } from '@/lib/settings/queries';

/** The frame of the signed-out pages (sign in, reset a password): the site's name over one card. */
export async function AuthCard({
  heading,
  children,
  footer,
}: {
  heading: string;
  children: React.ReactNode;
  footer?: React.ReactNode;
}) {
  const settings = await getSettings();
  return (
    <main id="main" className="mx-auto max-w-sm px-4 py-16">
      <p className="mb-8 text-center font-serif text-3xl font-bold">
        <Link href="/">{settings.title}</Link>
      </p>
      <div className="rounded border border-rule bg-white p-6 shadow-sm">
        <h1 className="mb-4 font-serif text-2xl font-bold">{heading}</h1>
        {children}
      </div>
      {footer}
    </main>
  );
}
