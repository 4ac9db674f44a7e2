import Link from 'next/link';
import { getSettings } from '@/lib/settings/queries';
import { Sidebar } from './sidebar';

/** The reader's page: masthead, navigation, the page's own content beside the sidebar, and the footer. */
export async function SiteFrame({ children }: { children: React.ReactNode }) {
  const settings = await getSettings();
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b-4 border-ink bg-white">
        <div className="mx-auto max-w-6xl px-4 py-6">
          <p className="font-serif text-4xl font-bold tracking-tight sm:text-5xl">
            <Link href="/" className="no-underline hover:text-accent">
              {settings.title}
            </Link>
          </p>
          <p className="mt-1 text-muted">{settings.description}</p>
        </div>
        <nav aria-label="Main" className="bg-ink text-sm font-semibold uppercase tracking-wide text-white">
          <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-6 px-4 py-2">
            <li>
              <Link href="/">Home</Link>
            </li>
            <li>
              <Link href="/advertise">Advertise</Link>
            </li>
            <li>
              <a href="/feed.xml">RSS feed</a>
            </li>
          </ul>
        </nav>
      </header>
      <div className="mx-auto grid max-w-6xl gap-10 px-4 py-8 lg:grid-cols-[minmax(0,1fr)_300px]">
        <main id="main" tabIndex={-1} className="min-w-0 outline-none">
          {children}
        </main>
        <Sidebar />
      </div>
      <footer className="border-t border-rule bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-2 px-4 py-6 text-sm text-muted">
          <p>
            © {new Date().getFullYear()} {settings.title}
          </p>
          <p>{settings.themeCredit}</p>
        </div>
      </footer>
    </>
  );
}
