import Link from 'next/link';
import { listSidebarSlots } from '@/lib/ads/queries';
import { listArchiveMonths, listLabels } from '@/lib/posts/queries';
import { getSettings } from '@/lib/settings/queries';
import { AdRotation, AdSlot } from './ad-slot';
import { ArchiveWidget } from './archive-widget';
import { Widget } from './widget';

export async function Sidebar() {
  const settings = await getSettings();
  const [slots, months, labels] = await Promise.all([
    listSidebarSlots(),
    listArchiveMonths(settings.timeZone),
    listLabels(),
  ]);
  return (
    <aside aria-label="Sidebar" className="space-y-8">
      {slots.map((slot) => (
        <AdSlot key={slot.key} slot={slot} />
      ))}
      <AdRotation />
      <p>
        <Link
          href="/advertise"
          className="block rounded bg-accent px-4 py-3 text-center font-semibold text-white no-underline hover:bg-accent-dark"
        >
          Buy AdSpace
        </Link>
      </p>
      <ArchiveWidget months={months} />
      <Widget title="Labels">
        <ul className="flex flex-wrap gap-2">
          {labels.map((label) => (
            <li key={label.slug}>
              <Link
                href={`/label/${label.slug}`}
                className="inline-block rounded border border-rule bg-white px-2 py-1 text-sm hover:border-accent"
              >
                {label.name} <span className="text-muted">({label.count})</span>
              </Link>
            </li>
          ))}
        </ul>
      </Widget>
    </aside>
  );
}
