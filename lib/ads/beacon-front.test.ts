import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAdDay } from '@/db/queries/ad-stats';
import { ads } from '@/db/schema';
import { answerBeforeNext } from '@/lib/request/front';
import { seedDemoContent } from '@/lib/seed/demo';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { flushAdCounts } from './ad-counts';
import { beaconPath, beaconRoute } from './beacon-front';

const db = useFreshDatabase('beacon_front');
const browser = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36';
const today = () => new Date().toISOString().slice(0, 10);

// A server whose own listener stands for Next: it answers everything it is handed with 200 "next".
let server: http.Server;
let base: string;
let uninstall: () => void;
beforeAll(async () => {
  uninstall = answerBeforeNext([beaconRoute]);
  server = http.createServer((_, response) => response.end('next'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  uninstall();
  await new Promise((resolve) => server.close(resolve));
});

const sendBeacon = (body: string, userAgent = browser) =>
  fetch(`${base}${beaconPath}`, { method: 'POST', headers: { 'user-agent': userAgent }, body });

describe('the beacon front', () => {
  it('answers impression beacons itself, counts each visitor once, and hands every other request to Next', async () => {
    await seedDemoContent(db());
    const [ad] = await db().select().from(ads).limit(1);
    const before = (await getAdDay(db(), ad.id, today()))?.impressions ?? 0;

    const first = await sendBeacon(JSON.stringify({ ids: [ad.id] }));
    expect(first.status).toBe(204);
    expect(await first.text()).toBe('');
    // The same reader again within 30 minutes, then another browser on the same network.
    expect((await sendBeacon(JSON.stringify({ ids: [ad.id] }))).status).toBe(204);
    expect((await sendBeacon(JSON.stringify({ ids: [ad.id] }), `${browser} Other/1.0`)).status).toBe(204);

    expect(await (await fetch(`${base}/`)).text()).toBe('next');
    expect(await (await fetch(`${base}${beaconPath}`)).text()).toBe('next');
    expect(await (await fetch(`${base}${beaconPath}?x=1`, { method: 'POST', body: '{}' })).text()).toBe('next');

    await flushAdCounts();
    expect((await getAdDay(db(), ad.id, today()))?.impressions).toBe(before + 2);
  });

  it('answers 204 and counts nothing for a body that is not a beacon, or too large to be one', async () => {
    const [ad] = await db().select().from(ads).limit(1);
    const before = (await getAdDay(db(), ad.id, today()))?.impressions ?? 0;
    const bad = [
      'not json',
      JSON.stringify({ ids: [] }),
      JSON.stringify({ ids: ['1'] }),
      JSON.stringify({ ids: [ad.id], pad: 'x'.repeat(4096) }),
    ];
    for (const [i, body] of bad.entries()) {
      expect((await sendBeacon(body, `${browser} Bad/${i}`)).status).toBe(204);
    }
    await flushAdCounts();
    expect((await getAdDay(db(), ad.id, today()))?.impressions ?? 0).toBe(before);
  });
});
