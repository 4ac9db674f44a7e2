import type { MenuLink } from '@/lib/settings/menu';

/** What the frame shows of the site itself. */
export type FrameSite = { title: string; description: string; themeCredit: string; year: number; menu: MenuLink[] };

/**
 * The frame's site details from the settings and the header menu, with the year of the copyright line as of this
 * render.
 */
export function frameSite(
  settings: { title: string; description: string; themeCredit: string },
  menu: MenuLink[],
): FrameSite {
  return {
    title: settings.title,
    description: settings.description,
    themeCredit: settings.themeCredit,
    year: new Date().getFullYear(),
    menu,
  };
}

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
 *
 * Plain links, not next/link: the pages they open are static, a full load of one is cached (by nginx too, which
 * passes client navigations' RSC requests through), and next/link would prefetch both on every page view. It also
 * keeps next/link's code out of the not-found page's own client chunk.
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
            <a href="/" className="no-underline hover:text-accent">
              {site.title}
            </a>
          </p>
          <p className="mt-1 text-muted">{site.description}</p>
          {headerExtras}
        </div>
        <nav aria-label="Main" className="site-nav">
          <ul>
            {site.menu.map((link, index) => (
              <li key={index}>
                <a href={link.href} {...(link.outside && { rel: 'noopener' })}>
                  {link.text}
                </a>
              </li>
            ))}
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
