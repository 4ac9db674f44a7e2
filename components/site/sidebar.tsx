import type { SlotWithAds } from '@/lib/ads/queries';
import { labelPath } from '@/lib/posts/permalink';
import { listArchiveMonths, listLabels } from '@/lib/posts/queries';
import { getSettings } from '@/lib/settings/queries';
import { issueFormToken } from '@/lib/comments/form-token';
import { mailEnabled } from '@/lib/mail';
import { AdSlot } from './ad-slot';
import { ArchiveWidget } from './archive-widget';
import { FollowForm } from './follow-form';
import { SearchForm } from './search-form';
import { Widget } from './widget';

export async function Sidebar({ slots }: { slots: SlotWithAds[] }) {
  const settings = await getSettings();
  const [months, labels] = await Promise.all([listArchiveMonths(settings.timeZone), listLabels()]);
  return (
    <aside aria-label="Sidebar" className="space-y-8">
      <Widget title="Search">
        <SearchForm name="Search the news" />
      </Widget>
      {/* Without SMTP_URL there is no mail to follow by. */}
      {mailEnabled() && (
        <Widget title="Follow by email">
          <FollowForm token={issueFormToken()} />
        </Widget>
      )}
      {slots.map((slot) => (
        <AdSlot key={slot.key} slot={slot} />
      ))}
      <p>
        <a
          href="/advertise"
          className="block rounded bg-accent px-4 py-3 text-center font-semibold text-white no-underline hover:bg-accent-dark"
        >
          Buy AdSpace
        </a>
      </p>
      <ArchiveWidget months={months} />
      <Widget title="Labels">
        <ul className="flex flex-wrap gap-2">
          {labels.map((label) => (
            <li key={label.slug}>
              <a href={labelPath(label.slug)} className="label-chip">
                {label.name} <span className="text-muted">({label.count})</span>
              </a>
            </li>
          ))}
        </ul>
      </Widget>
    </aside>
  );
}
