import Link from 'next/link';

/** What the frame shows of the site itself. */
export type FrameSite = { title: string; description: string; themeCredit: string; year: number };

type Props = {
  site: FrameSite;
  children: React.ReactNode;
  /** Under the masthead: the header placement's ad slots. */
  headerExtras?: React.ReactNode;
  /** Beside the page's content on wide screens; without one the content takes the whole width. */
  sidebar?: React.ReactNode;
  /** Above the footer: the footer placement's ad slots. */
  footerExtras?: React.ReactNode;
};

/**
 * The reader's page as markup only: skip link, masthead, navigation, the content (beside the sidebar) and the
 * footer. No data of its own, so the server's SiteFrame and the client's NotFoundPage draw the same frame.
 */
export function FrameLayout({ site, children, headerExtras, sidebar, footerExtras }: Props) {
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="border-b-4 border-ink bg-white">
        <div className="mx-auto max-w-6xl px-4 py-6">
          <p className="masthead-title">
            <Link href="/" className="no-underline hover:text-accent">
              {site.title}
            </Link>
          </p>
          <p className="mt-1 text-muted">{site.description}</p>
          {headerExtras}
        </div>
        <nav aria-label="Main" className="site-nav">
          <ul>
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
      <div className={`mx-auto grid max-w-6xl gap-10 px-4 py-8 ${sidebar ? 'lg:grid-cols-[minmax(0,1fr)_300px]' : ''}`}>
        <main id="main" tabIndex={-1} className="min-w-0 outline-none">
          {children}
        </main>
        {sidebar}
      </div>
      {footerExtras}
      <footer className="site-footer">
        <div>
          <p>
            © {site.year} {site.title}
          </p>
          <p>{site.themeCredit}</p>
        </div>
      </footer>
    </>
  );
}
