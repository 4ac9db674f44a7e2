import type { FieldSpec } from '@/components/ui/action-form';
import { adStatuses } from '@/lib/ads/ads';
import { adMessages } from '@/lib/ads/messages';
import type { Ad, AdSlot } from '@/lib/ads/queries';

const local = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 19) : '');

/** The ad form's fields, filled from an ad when editing one. */
export function adFields(slots: AdSlot[], ad?: Ad | null): FieldSpec[] {
  return [
    { name: 'advertiser', label: 'Advertiser', defaultValue: ad?.advertiser, required: true },
    {
      name: 'slotId',
      label: 'Slot',
      type: 'select',
      defaultValue: String(ad?.slotId ?? slots[0]?.id ?? ''),
      options: slots.map((slot) => ({ value: String(slot.id), label: `${slot.name} (${slot.width}×${slot.height})` })),
    },
    { name: 'headline', label: 'Headline', defaultValue: ad?.headline, required: true },
    {
      name: 'image',
      label: 'Image',
      type: 'file',
      accept: 'image/jpeg,image/png,image/webp,image/gif',
      hint: ad
        ? 'Leave empty to keep the current image. A new one must match the slot size exactly.'
        : 'Exactly the slot’s size; JPEG, PNG, WebP or GIF.',
    },
    { name: 'altText', label: 'Alt text', defaultValue: ad?.altText, required: true },
    {
      name: 'targetUrl',
      label: 'Target URL',
      type: 'url',
      defaultValue: ad?.targetUrl,
      required: true,
      hint: 'http:// or https:// only.',
    },
    {
      name: 'startsAt',
      label: 'Starts',
      type: 'datetime-local',
      step: 1,
      defaultValue: local(ad?.startsAt),
      hint: 'UTC. Empty: now.',
    },
    {
      name: 'endsAt',
      label: 'Ends',
      type: 'datetime-local',
      step: 1,
      defaultValue: local(ad?.endsAt),
      hint: 'UTC. Empty: no end.',
    },
    {
      name: 'weight',
      label: 'Weight',
      type: 'number',
      defaultValue: String(ad?.weight ?? 1),
      hint: '1 to 100: how often it shows against the slot’s other ads.',
    },
    {
      name: 'status',
      label: 'Status',
      type: 'select',
      defaultValue: ad?.status ?? 'active',
      options: adStatuses.map((status) => ({ value: status, label: adMessages.statuses[status] })),
    },
  ];
}
