import { listAdSlots } from '@/lib/ads/queries';
import { slotsFor } from '@/lib/ads/rules';
import { menuLink } from '@/lib/settings/menu';
import { getMenu, getSettings } from '@/lib/settings/queries';
import { AdRotation, AdSlot } from './ad-slot';
import { FrameLayout, frameSite } from './frame-layout';
import { Sidebar } from './sidebar';

type Props = {
  children: React.ReactNode;
  /** The labels of the article on this page, for ad slots targeted at a label. */
  labels?: string[];
  /** A page rendered per request passes its script nonce (lib/request/script-nonce.ts); stored pages need none. */
  nonce?: string;
};

/**
 * The reader's page: masthead, navigation, the page's own content beside the sidebar, and the footer, with the ad
 * slots of the header, sidebar and footer placements. Each page renders it (not a layout) because a slot may be
 * targeted at the labels of the article on the page.
 */
export async function SiteFrame({ children, labels, nonce }: Props) {
  const [settings, menu, slots] = await Promise.all([getSettings(), getMenu(), listAdSlots()]);
  return (
    <>
      <FrameLayout
        site={frameSite(settings, menu.map(menuLink))}
        headerExtras={slotsFor(slots, 'header', labels).map((slot) => (
          <div key={slot.key} className="mt-4 flex justify-center">
            <AdSlot slot={slot} />
          </div>
        ))}
        sidebar={<Sidebar slots={slotsFor(slots, 'sidebar', labels)} />}
        footerExtras={slotsFor(slots, 'footer', labels).map((slot) => (
          <div key={slot.key} className="mx-auto mb-8 flex max-w-6xl justify-center px-4">
            <AdSlot slot={slot} />
          </div>
        ))}
      >
        {children}
      </FrameLayout>
      <AdRotation nonce={nonce} />
    </>
  );
}
