import type { AdSlot } from '@/lib/ads/queries';

type Slot = Pick<AdSlot, 'id' | 'placement'>;

const mark = (on: boolean) => `rounded ${on ? 'bg-accent' : 'bg-gray-200'}`;

/** Where a slot sits: a page in miniature (masthead, article, sidebar, footer) with the slot marked. */
export function PlacementPreview({ slot, slots }: { slot: Slot; slots: Slot[] }) {
  const sidebar = slots.filter((s) => s.placement === 'sidebar');
  return (
    <div aria-hidden="true" className="mt-3 flex h-28 flex-col gap-1 rounded border border-rule p-1">
      <div className="h-3 rounded bg-gray-300" />
      {slot.placement === 'header' && <div className={`mx-auto h-2 w-2/3 ${mark(true)}`} />}
      <div className="grid flex-1 grid-cols-[1fr_30%] gap-1">
        <div className="flex flex-col gap-1 rounded bg-gray-100 p-1">
          <div className="h-1.5 w-3/4 rounded bg-gray-300" />
          <div className="h-1.5 rounded bg-gray-300" />
          {slot.placement === 'in_article' && <div className={`mx-auto h-2 w-2/3 ${mark(true)}`} />}
          <div className="h-1.5 rounded bg-gray-300" />
        </div>
        <div className="flex flex-col gap-1">
          {sidebar.map((s) => (
            <div key={s.id} className={`flex-1 ${mark(s.id === slot.id)}`} />
          ))}
        </div>
      </div>
      {slot.placement === 'footer' && <div className={`mx-auto h-2 w-2/3 ${mark(true)}`} />}
      <div className="h-2 rounded bg-gray-300" />
    </div>
  );
}
