import type { FieldSpec } from '@/components/ui/action-form';
import { adMessages } from '@/lib/ads/messages';
import type { AdSlot } from '@/lib/ads/queries';
import { placements } from '@/lib/ads/slots';

/** The slot form's fields, filled from a slot when editing one. */
export function slotFields(labels: { id: number; name: string }[], slot?: AdSlot | null): FieldSpec[] {
  return [
    {
      name: 'name',
      label: 'Name',
      defaultValue: slot?.name,
      required: true,
      hint: 'As advertisers see it, like “Sidebar top”.',
    },
    {
      name: 'key',
      label: 'Key',
      defaultValue: slot?.key,
      required: true,
      hint: 'A short id for the page markup: lowercase letters, digits and dashes.',
    },
    {
      name: 'placement',
      label: 'Placement',
      type: 'select',
      defaultValue: slot?.placement ?? 'sidebar',
      options: placements.map((placement) => ({ value: placement, label: adMessages.placements[placement] })),
    },
    {
      name: 'afterParagraph',
      label: 'After paragraph',
      type: 'number',
      defaultValue: String(slot?.afterParagraph ?? 3),
      hint: 'In-article slots only: the ad follows this paragraph, or the end of a shorter post.',
    },
    {
      name: 'width',
      label: 'Width',
      type: 'number',
      defaultValue: slot ? String(slot.width) : '300',
      hint: 'Pixels. Ads must match it exactly.',
    },
    {
      name: 'height',
      label: 'Height',
      type: 'number',
      defaultValue: slot ? String(slot.height) : '250',
      hint: 'Pixels.',
    },
    {
      name: 'labelId',
      label: 'Show on',
      type: 'select',
      defaultValue: slot?.labelId ? String(slot.labelId) : '',
      options: [
        { value: '', label: 'Every page' },
        ...labels.map((label) => ({ value: String(label.id), label: `Only articles labelled ${label.name}` })),
      ],
    },
    {
      name: 'price',
      label: 'Price per week (USD)',
      defaultValue: slot ? (slot.pricePerWeekCents / 100).toFixed(2) : '',
      required: true,
      hint: 'Shown on the advertise page.',
    },
    {
      name: 'position',
      label: 'Order',
      type: 'number',
      defaultValue: String(slot?.position ?? 0),
      hint: 'Lower numbers come first within a placement.',
    },
  ];
}
