import { eq, sql } from 'drizzle-orm';
import { adDailyStats } from '@/db/schema';
import { closeDb, getDb } from '@/lib/db';
import { startInstance } from '../scripts/instances';
import { adBeacon, runLoad, stopProcess } from './load';
import { record } from './report';

/** Impressions stored for an ad over all days, read by the bench itself (no server may hold PGlite meanwhile). */
export async function storedImpressions(adId: number): Promise<number> {
  const db = await getDb();
  const [{ impressions }] = await db
    .select({ impressions: sql<number>`coalesce(sum(${adDailyStats.impressions}), 0)::int` })
    .from(adDailyStats)
    .where(eq(adDailyStats.adId, adId));
  await closeDb();
  return Number(impressions);
}

/**
 * What a crash loses: counts are held in memory for up to a flush interval (lib/ads/ad-counts.ts). A server of its
 * own takes beacons from 200 clients (each a new visitor, so each beacon counts) and is killed with SIGKILL in the
 * middle of the load; the beacons answered 204 before the kill are compared with the impressions stored. Budget:
 * what is lost is at most one flush interval's worth of beacons at the rate the server was answering.
 */
export async function measureKillLoss({ port, adId, seconds = 4 }: { port: number; adId: number; seconds?: number }) {
  const before = await storedImpressions(adId);
  const { url: base, child: server } = await startInstance(port, {}, 'ignore');
  try {
    // Warmed first (the route's code, the list of ads, 200 connections open), so the kill falls in steady counting.
    // Network 174: visitors of their own, apart from the other beacon loads'.
    const warm = await runLoad(200, 2, (i) => adBeacon(base, adId, i, 174));
    const started = performance.now();
    let killedAfter = 0;
    const kill = setTimeout(
      () => {
        killedAfter = (performance.now() - started) / 1000;
        server.kill('SIGKILL');
      },
      // Somewhere inside a flush interval, not on its edge.
      (seconds - 1.4) * 1000,
    );
    const load = await runLoad(200, seconds, (i) => adBeacon(base, adId, warm.requests + i, 174));
    clearTimeout(kill);
    await stopProcess(server, 'SIGKILL');
    const answered = warm.ok + load.ok;
    const stored = (await storedImpressions(adId)) - before;
    const perSecond = load.ok / killedAfter;
    const lost = answered - stored;
    record({ figure: 'SIGKILL under beacon load: beacons answered before the kill', value: answered, unit: '' });
    record({ figure: 'SIGKILL under beacon load: impressions stored', value: stored, unit: '' });
    record({
      figure: 'SIGKILL under beacon load: lost, in seconds of beacons at the rate answered',
      value: lost / perSecond,
      unit: 's',
      budget: '≤ 1 s (one flush)',
      pass: lost >= 0 && lost <= perSecond,
    });
  } finally {
    await stopProcess(server, 'SIGKILL');
  }
}
