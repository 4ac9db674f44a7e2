import 'server-only';
import { bookedWeeks, listAdRequests as listRequestRows } from '@/db/queries/ad-requests';
import { dailyFigures } from '@/db/queries/ad-stats';
import { listLiveSlots } from '@/db/queries/ads';
import * as admin from '@/db/queries/ads-admin';
import { listAllLabels } from '@/db/queries/taxonomy';
import { cached } from '@/lib/cache/cached';
import { tags } from '@/lib/cache/tags';
import { getDb } from '@/lib/db';
import { CLICK_TOKEN_REFRESH_SECONDS } from './click-token';
import { advertiserReportUrl } from './report-access';
import { reportRange, type ReportQuery } from './report';
import { upcomingWeeks } from './requests';

export type { Ad, AdSlot } from '@/db/schema';
export type { SlotWithAds, ServedAd } from '@/db/queries/ads';
/** A row of the ads table: an ad with its figures over the chosen range. */
export type AdWithTotals = Awaited<ReturnType<typeof admin.listAdsWithTotals>>[number];
/** A booking request with its slot's name and size. */
export type AdRequestListing = Awaited<ReturnType<typeof listRequestRows>>[number];
/** A slot with the label it targets and how many ads it holds. */
export type SlotDetails = Awaited<ReturnType<typeof admin.listSlotsForAdmin>>[number];

/**
 * Every slot with the ads live when the cache was filled (the scheduler refreshes it as windows open and close).
 * Read again every few hours, and so is every page that shows ads: its ad links' click tokens must stay fresh.
 */
export const listAdSlots = cached(
  'ads:slots',
  (db) => listLiveSlots(db, new Date()),
  () => [tags.ads],
  { revalidateSeconds: CLICK_TOKEN_REFRESH_SECONDS },
);

/** An id from an address; null for anything that cannot be one. */
function rowId(raw: string): number | null {
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** Every slot, for the ad form's choice of slot. */
export async function listSlots() {
  return admin.listSlots(await getDb());
}

/** Every slot with its label and number of ads: the slots page and /advertise. */
export async function listSlotsWithDetails(): Promise<SlotDetails[]> {
  return admin.listSlotsForAdmin(await getDb());
}

/** The ads page: over the range the query asks for, each slot's daily figures and its ads with their totals. */
export async function readAdsOverview(query: ReportQuery) {
  const range = reportRange(query);
  const db = await getDb();
  const [slots, ads] = await Promise.all([admin.listSlots(db), admin.listAdsWithTotals(db, range.from, range.to)]);
  const sections = await Promise.all(
    slots.map(async (slot) => {
      const slotAds = ads.filter((ad) => ad.slotId === slot.id);
      const ids = slotAds.map((ad) => ad.id);
      return { slot, ads: slotAds, days: await dailyFigures(db, ids, range.from, range.to) };
    }),
  );
  return { range, sections };
}

/** An ad's page: the ad, the slots it may move to, its report over the query's range and the advertiser's link. */
export async function readAdForEditing(rawId: string, query: ReportQuery) {
  const id = rowId(rawId);
  if (!id) return null;
  const db = await getDb();
  const [ad, slots] = await Promise.all([admin.getAd(db, id), admin.listSlots(db)]);
  if (!ad) return null;
  const range = reportRange(query);
  const days = await dailyFigures(db, [ad.id], range.from, range.to);
  return { ad, slots, range, days, reportUrl: advertiserReportUrl(ad.reportToken) };
}

/** The labels a slot may be targeted at. */
export async function listSlotLabels() {
  return listAllLabels(await getDb());
}

/** A slot's page: the slot and the labels it may be targeted at. */
export async function readSlotForEditing(rawId: string) {
  const id = rowId(rawId);
  if (!id) return null;
  const db = await getDb();
  const [slot, labels] = await Promise.all([admin.getSlot(db, id), listAllLabels(db)]);
  return slot ? { slot, labels } : null;
}

/** Booking requests, newest first, each with its slot's name and size. */
export async function listAdRequests(): Promise<AdRequestListing[]> {
  return listRequestRows(await getDb());
}

/** /advertise: every slot, and for each of the coming `count` weeks how many ads already run in each slot. */
export async function readAvailability(now: Date, count: number) {
  const db = await getDb();
  const slots = await admin.listSlotsForAdmin(db);
  const starts = upcomingWeeks(now, count);
  const booked = await bookedWeeks(db, slots, starts);
  const weeks = starts.map((start) => {
    const day = start.toISOString().slice(0, 10);
    return { start, booked: new Map(slots.map((slot) => [slot.id, booked.get(`${slot.id}:${day}`) ?? 0])) };
  });
  return { slots, weeks };
}
