import { count, eq, ne, and } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db';
import { adRequests, adSlots, ads, type AdSlot } from '@/db/schema';

export const placements = ['sidebar', 'header', 'in_article', 'footer'] as const;
export const placementNames: Record<AdSlot['placement'], string> = {
  sidebar: 'Sidebar',
  header: 'Header',
  in_article: 'In article',
  footer: 'Footer',
};

const optionalId = z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional());
const pixels = (what: string) =>
  z.coerce
    .number({ error: `Enter the ${what} in pixels.` })
    .int(`Enter the ${what} in whole pixels.`)
    .min(20, 'At least 20 pixels.')
    .max(1200, 'At most 1,200 pixels.');

export const slotSchema = z.object({
  id: optionalId,
  key: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lowercase letters, digits and dashes, like sidebar-top.')
    .max(40),
  name: z.string().trim().min(1, 'Name the slot.').max(60),
  placement: z.enum(placements, { error: 'Choose a placement.' }),
  afterParagraph: z.coerce
    .number({ error: 'Enter a paragraph number.' })
    .int()
    .min(1, 'At least 1.')
    .max(50, 'At most 50.')
    .default(3),
  width: pixels('width'),
  height: pixels('height'),
  labelId: optionalId,
  price: z
    .string()
    .trim()
    .regex(/^\d{1,6}(\.\d{1,2})?$/, 'Enter a price in dollars, like 45 or 45.50.'),
  position: z.coerce.number({ error: 'Enter a number.' }).int().min(0).max(100).default(0),
});
export type SlotInput = z.infer<typeof slotSchema>;

export type SlotResult = { ok: true; id: number } | { ok: false; field?: keyof SlotInput; message: string };

/** Creates or updates a slot. A slot's size is fixed once it has ads: their images were checked against it. */
export async function saveSlot(db: Database, input: SlotInput): Promise<SlotResult> {
  const values = {
    key: input.key,
    name: input.name,
    placement: input.placement,
    afterParagraph: input.afterParagraph,
    width: input.width,
    height: input.height,
    labelId: input.labelId ?? null,
    pricePerWeekCents: Math.round(Number(input.price) * 100),
    position: input.position,
  };
  const [clash] = await db
    .select({ id: adSlots.id })
    .from(adSlots)
    .where(input.id ? and(eq(adSlots.key, input.key), ne(adSlots.id, input.id)) : eq(adSlots.key, input.key));
  if (clash) return { ok: false, field: 'key', message: 'Another slot has this key.' };
  if (!input.id) {
    const [created] = await db.insert(adSlots).values(values).returning({ id: adSlots.id });
    return { ok: true, id: created.id };
  }
  const [existing] = await db.select().from(adSlots).where(eq(adSlots.id, input.id));
  if (!existing) return { ok: false, message: 'That slot no longer exists.' };
  if (existing.width !== input.width || existing.height !== input.height) {
    const [{ n }] = await db.select({ n: count() }).from(ads).where(eq(ads.slotId, input.id));
    if (n > 0) {
      return {
        ok: false,
        field: 'width',
        message: `This slot has ${n} ad(s) made for ${existing.width}×${existing.height}: make a new slot for another size.`,
      };
    }
  }
  await db.update(adSlots).set(values).where(eq(adSlots.id, input.id));
  return { ok: true, id: input.id };
}

/** Deletes a slot that nothing depends on: its ads and booking requests would go with it. */
export async function deleteSlot(db: Database, id: number): Promise<SlotResult> {
  const [[{ adCount }], [{ requestCount }]] = await Promise.all([
    db.select({ adCount: count() }).from(ads).where(eq(ads.slotId, id)),
    db.select({ requestCount: count() }).from(adRequests).where(eq(adRequests.slotId, id)),
  ]);
  if (adCount > 0 || requestCount > 0) {
    return {
      ok: false,
      message: `This slot has ${adCount} ad(s) and ${requestCount} booking request(s): delete those first.`,
    };
  }
  await db.delete(adSlots).where(eq(adSlots.id, id));
  return { ok: true, id };
}
