import Link from 'next/link';
import { listAdSlots } from '@/lib/ads/queries';
import { slotsFor } from '@/lib/ads/rules';
import { getSettings } from '@/lib/settings/queries';
import { AdRotation, AdSlot } from './ad-slot';
import { Sidebar } from './sidebar';

type Props = {
  children: React.ReactNode;
  /** The labels of the article on this page, for ad slots targeted at a label. */
  labels?: string[];
  /**
   * Masthead, navigation and footer only: no sidebar, no ads. For the not-found page, whose markup Next sends
   * inside every page's RSC payload (twice): the full frame there made each reader page about 20 KB heavier.
   */
  plain?: boolean;
};

/**
 * The reader's page: masthead, navigation, the page's own content beside the sidebar, and the footer, with the ad
 * slots of the header, sidebar and footer placements. Each page renders it (not a layout) because a slot may be
 * targeted at the labels of the article on the page.
 */
export async function SiteFrame({ children, labels, plain = false }: Props) {
  const [settings, slots] = await Promise.all([getSettings(), plain ? [] : listAdSlots()]);
  const headerSlots = slotsFor(slots, 'header', labels);
  const footerSlots = slotsFor(slots, 'footer', labels);
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="border-b-4 border-ink bg-white">
        <div className="mx-auto max-w-6xl px-4 py-6">
          <p className="masthead-title">
            <Link href="/" className="no-underline hover:text-accent">
              {settings.title}
            </Link>
          </p>
          <p className="mt-1 text-muted">{settings.description}</p>
          {headerSlots.map((slot) => (
            <div key={slot.key} className="mt-4 flex justify-center">
              <AdSlot slot={slot} />
            </div>
          ))}
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
      <div className={`mx-auto grid max-w-6xl gap-10 px-4 py-8 ${plain ? '' : 'lg:grid-cols-[minmax(0,1fr)_300px]'}`}>
        <main id="main" tabIndex={-1} className="min-w-0 outline-none">
          {children}
        </main>
        {!plain && <Sidebar slots={slotsFor(slots, 'sidebar', labels)} />}
      </div>
      {footerSlots.map((slot) => (
        <div key={slot.key} className="mx-auto mb-8 flex max-w-6xl justify-center px-4">
          <AdSlot slot={slot} />
        </div>
      ))}
      <footer className="site-footer">
        <div>
          <p>
            © {new Date().getFullYear()} {settings.title}
          </p>
          <p>{settings.themeCredit}</p>
        </div>
      </footer>
      {!plain && <AdRotation />}
    </>
  );
}
