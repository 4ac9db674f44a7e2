import 'server-only';
import { count, eq, ne, and } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db';
import { adPlacement, adRequests, adSlots, ads } from '@/db/schema';
import { adMessages } from './messages';

const messages = adMessages.slot;

export const placements = adPlacement.enumValues;

const optionalId = z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional());
const pixels = (what: string) =>
  z.coerce
    .number({ error: messages.pixels(what) })
    .int(messages.wholePixels(what))
    .min(20, messages.pixelsMin)
    .max(1200, messages.pixelsMax);

export const slotSchema = z.object({
  id: optionalId,
  key: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, messages.key)
    .max(40),
  name: z.string().trim().min(1, messages.name).max(60),
  placement: z.enum(placements, { error: messages.placement }),
  afterParagraph: z.coerce
    .number({ error: messages.afterParagraph })
    .int()
    .min(1, messages.afterParagraphMin)
    .max(50, messages.afterParagraphMax)
    .default(3),
  width: pixels('width'),
  height: pixels('height'),
  labelId: optionalId,
  price: z
    .string()
    .trim()
    .regex(/^\d{1,6}(\.\d{1,2})?$/, messages.price),
  position: z.coerce.number({ error: messages.position }).int().min(0).max(100).default(0),
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
  if (clash) return { ok: false, field: 'key', message: messages.keyTaken };
  if (!input.id) {
    const [created] = await db.insert(adSlots).values(values).returning({ id: adSlots.id });
    return { ok: true, id: created.id };
  }
  const [existing] = await db.select().from(adSlots).where(eq(adSlots.id, input.id));
  if (!existing) return { ok: false, message: messages.gone };
  if (existing.width !== input.width || existing.height !== input.height) {
    const [{ n }] = await db.select({ n: count() }).from(ads).where(eq(ads.slotId, input.id));
    if (n > 0) {
      return { ok: false, field: 'width', message: messages.sizeInUse(n, existing.width, existing.height) };
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
    return { ok: false, message: messages.inUse(adCount, requestCount) };
  }
  await db.delete(adSlots).where(eq(adSlots.id, id));
  return { ok: true, id };
}
