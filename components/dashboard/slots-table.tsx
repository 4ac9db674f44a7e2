import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { adMessages, formatPrice } from '@/lib/ads/messages';
import type { SlotDetails } from '@/lib/ads/queries';

/** Every ad slot: where it sits, its size, the pages it shows on, its price and how many ads it holds. */
export function SlotsTable({ slots }: { slots: SlotDetails[] }) {
  return (
    <DataTable caption="Ad slots" headings={['Slot', 'Placement', 'Size', 'Shows on', 'Price a week', 'Ads']}>
      {slots.map((slot) => (
        <tr key={slot.id} className="border-b border-rule">
          <td className="p-3">
            <Link href={`/dashboard/ads/slots/${slot.id}`} className="font-semibold hover:text-accent">
              {slot.name}
            </Link>
            <span className="block text-muted">{slot.key}</span>
          </td>
          <td className="p-3">
            {adMessages.placements[slot.placement]}
            {slot.placement === 'in_article' && `, after paragraph ${slot.afterParagraph}`}
          </td>
          <td className="p-3">
            {slot.width}×{slot.height}
          </td>
          <td className="p-3">{slot.labelName ? `Articles labelled ${slot.labelName}` : 'Every page'}</td>
          <td className="p-3">{formatPrice(slot.pricePerWeekCents)}</td>
          <td className="p-3">{slot.ads}</td>
        </tr>
      ))}
    </DataTable>
  );
}
