import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addAdCounts, dailyFigures } from '@/db/queries/ad-stats';
import { listLiveSlots } from '@/db/queries/ads';
import { insertAdRequest, getAdRequest } from '@/db/queries/ad-requests';
import { adSlots, ads, labels } from '@/db/schema';
import { seedDemoContent } from '@/lib/seed/demo';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { adSchema, changeAd, saveAd } from './ads';
import { adMessages } from './messages';
import { readAdvertiserReport } from './report-access';
import { decideAdRequest, markRequestsScheduled, requestAdSpace } from './requests';
import { deleteSlot, saveSlot, slotSchema } from './slots';

const db = useFreshDatabase('ad_slots');
const slotInput = (fields: Record<string, string>) =>
  slotSchema.parse({
    key: 'politics-box',
    name: 'Politics box',
    placement: 'sidebar',
    width: '300',
    height: '250',
    price: '20',
    ...fields,
  });

describe('ad slots', () => {
  it('creates a label-targeted slot that only articles with the label get', async () => {
    await seedDemoContent(db());
    const [label] = await db().select().from(labels).limit(1);
    const created = await saveSlot(db(), slotInput({ labelId: String(label.id), price: '19.50' }));
    expect(created.ok).toBe(true);
    const slots = await listLiveSlots(db(), new Date());
    expect(slots.find((s) => s.key === 'politics-box')).toMatchObject({ labelSlug: label.slug, placement: 'sidebar' });
    const [row] = await db().select().from(adSlots).where(eq(adSlots.key, 'politics-box'));
    expect(row.pricePerWeekCents).toBe(1950);
  });

  it('refuses a taken key, a size change under existing ads, and deleting a slot in use', async () => {
    expect(await saveSlot(db(), slotInput({ key: 'sidebar-top' }))).toMatchObject({ ok: false, field: 'key' });
    const [top] = await db().select().from(adSlots).where(eq(adSlots.key, 'sidebar-top'));
    const resized = await saveSlot(db(), slotInput({ id: String(top.id), key: 'sidebar-top', width: '320' }));
    expect(resized).toMatchObject({ ok: false, field: 'width' });
    expect(await deleteSlot(db(), top.id)).toMatchObject({ ok: false });
    const [politics] = await db().select().from(adSlots).where(eq(adSlots.key, 'politics-box'));
    expect(await deleteSlot(db(), politics.id)).toEqual({ ok: true, id: politics.id });
  });

  it('checks slot input: key shape, sizes and price', () => {
    const bad = slotSchema.safeParse({
      key: 'Sidebar Top!',
      name: '',
      placement: 'popup',
      width: '5',
      height: 'x',
      price: '12,50',
    });
    expect(bad.success).toBe(false);
    const fields = new Set(bad.error!.issues.map((issue) => issue.path[0]));
    expect(fields).toEqual(new Set(['key', 'name', 'placement', 'width', 'height', 'price']));
  });
});

describe('booking requests and reports', () => {
  it('moves a request from new to accepted (a paused ad) to scheduled when the ad is set to run', async () => {
    const [slot] = await db().select().from(adSlots).limit(1);
    const requestId = await insertAdRequest(db(), {
      company: 'Quay Bakery',
      email: 'bake@example.com',
      slotId: slot.id,
      startDate: '2026-12-07',
      weeks: 2,
      message: '',
    });
    expect(await decideAdRequest(db(), requestId, 'accept')).toBe(true);
    const accepted = (await getAdRequest(db(), requestId))!;
    expect(accepted.status).toBe('accepted');
    const [ad] = await db().select().from(ads).where(eq(ads.id, accepted.adId!));
    expect(ad).toMatchObject({ status: 'paused', advertiser: 'Quay Bakery', endsAt: new Date('2026-12-21T00:00:00Z') });
    await markRequestsScheduled(db(), ad.id);
    expect((await getAdRequest(db(), requestId))!.status).toBe('scheduled');
  });

  it('reports every day of the range, zeros included, only through the ad’s own token', async () => {
    const [ad] = await db().select().from(ads).limit(1);
    await addAdCounts(db(), [
      { adId: ad.id, day: '2026-11-02', impressions: 40, servedImpressions: 0, clicks: 3 },
      { adId: ad.id, day: '2026-11-04', impressions: 10, servedImpressions: 0, clicks: 0 },
    ]);
    expect(await dailyFigures(db(), [ad.id], '2026-11-01', '2026-11-04')).toEqual([
      { day: '2026-11-01', impressions: 0, servedImpressions: 0, clicks: 0 },
      { day: '2026-11-02', impressions: 40, servedImpressions: 0, clicks: 3 },
      { day: '2026-11-03', impressions: 0, servedImpressions: 0, clicks: 0 },
      { day: '2026-11-04', impressions: 10, servedImpressions: 0, clicks: 0 },
    ]);
    const report = await readAdvertiserReport(ad.reportToken, { from: '2026-11-01', to: '2026-11-04' });
    expect(report?.ad.id).toBe(ad.id);
    expect(report?.days.reduce((sum, d) => sum + d.impressions, 0)).toBe(50);
    expect(await readAdvertiserReport(String(ad.id), {})).toBeNull();
    expect(await readAdvertiserReport('00000000-0000-4000-8000-000000000000', {})).toBeNull();
  });
});

describe('ads and booking requests as the dashboard and /advertise write them', () => {
  it('refuses an ad without an image or slot, and will not run one made from a request until it is complete', async () => {
    const [slot] = await db().select().from(adSlots).limit(1);
    const input = (fields: Record<string, string>) =>
      adSchema.parse({
        advertiser: 'Pier Cafe',
        slotId: String(slot.id),
        headline: 'Tea on the pier',
        altText: 'A teapot',
        targetUrl: 'https://example.com/cafe',
        weight: '1',
        ...fields,
      });
    expect(await saveAd(db(), input({}), null)).toEqual({
      ok: false,
      message: adMessages.ad.notSaved,
      fieldErrors: { image: adMessages.ad.imageNeeded(slot.width, slot.height) },
    });
    expect(await saveAd(db(), input({ slotId: '999999' }), null)).toMatchObject({
      ok: false,
      fieldErrors: { slotId: adMessages.ad.slot },
    });
    expect(await saveAd(db(), input({ id: '999999' }), null)).toBeNull();

    const requestId = await insertAdRequest(db(), {
      company: 'Pier Cafe',
      email: 'tea@example.com',
      slotId: slot.id,
      startDate: '2026-12-07',
      weeks: 1,
      message: '',
    });
    await decideAdRequest(db(), requestId, 'accept');
    const { adId } = (await getAdRequest(db(), requestId))!;
    expect(await changeAd(db(), adId!, 'resume')).toBe('incomplete');
    expect(await changeAd(db(), 999_999, 'pause')).toBe('missing');
    expect(await changeAd(db(), adId!, 'delete')).toBe('done');
    expect(await db().select().from(ads).where(eq(ads.id, adId!))).toEqual([]);
  });

  it('takes five booking requests an hour from one address', async () => {
    const [slot] = await db().select().from(adSlots).limit(1);
    const request = {
      company: 'Kite Shop',
      email: 'kites@example.com',
      slotId: slot.id,
      startDate: '2026-12-07',
      weeks: 1,
      message: '',
    };
    for (let i = 0; i < 5; i++) expect(await requestAdSpace(db(), request, null, 'ip-hash')).toEqual({ ok: true });
    expect(await requestAdSpace(db(), request, null, 'ip-hash')).toEqual({
      ok: false,
      message: adMessages.request.tooMany,
    });
    expect(await requestAdSpace(db(), { ...request, slotId: 999_999 }, null, 'other-hash')).toMatchObject({
      ok: false,
      fieldErrors: { slotId: adMessages.request.slot },
    });
  });
});
