import 'server-only';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { z } from 'zod';
import { env } from '@/lib/env';
import { pickClientAddress } from '@/lib/request/client-address';
import { countOncePerVisitor } from './impressions';

export const beaconPath = '/api/ads/impressions';
/** A beacon names at most 20 ads: its JSON is well under this. */
const maxBeaconBytes = 2048;

const beacon = z.object({ ids: z.array(z.number().int().positive()).min(1).max(20) });

/**
 * Counts one impression beacon's ads, whatever its body holds: a beacon must never fail or slow the page, so
 * anything wrong is logged, never thrown.
 */
export async function countBeacon(body: string, who: { ip: string; userAgent: string }): Promise<void> {
  try {
    const parsed = beacon.safeParse(JSON.parse(body));
    if (parsed.success) await countOncePerVisitor(parsed.data.ids, who, 'impressions');
  } catch (error) {
    if (!(error instanceof SyntaxError)) console.error('ad beacon:', error);
  }
}

/**
 * Answers impression beacons before Next sees them. A beacon does no database work (lib/ads/ad-counts.ts), so what
 * it cost was Next's own handling of a request: under a rush of beacons (every reader's page sends them) that was
 * most of the server's time, and the readers' page requests queued behind it. Every other request goes to Next
 * unchanged. Installed once per process by instrumentation.ts, through Node's documented
 * `http.server.request.start` channel, which names each server before its first request is handed out; until it
 * is installed (the server starting), Next's route in app/api/ads/impressions answers.
 */
export function answerBeaconsBeforeNext(): void {
  const fronted = new WeakSet<Server>();
  subscribe('http.server.request.start', (message) => {
    const { server } = message as { server: Server };
    if (fronted.has(server)) return;
    fronted.add(server);
    const handlers = server.listeners('request') as ((request: IncomingMessage, response: ServerResponse) => void)[];
    server.removeAllListeners('request');
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      if (request.method === 'POST' && request.url === beaconPath) answerBeacon(request, response);
      else for (const handler of handlers) handler.call(server, request, response);
    });
  });
}

function answerBeacon(request: IncomingMessage, response: ServerResponse): void {
  const chunks: Buffer[] = [];
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= maxBeaconBytes) chunks.push(chunk);
  });
  request.on('error', () => response.destroy());
  request.on('end', () => {
    const who = {
      ip: pickClientAddress(
        request.socket.remoteAddress ?? null,
        firstHeader(request.headers['x-forwarded-for']),
        env().TRUST_PROXY,
      ),
      userAgent: firstHeader(request.headers['user-agent']) ?? '',
    };
    const counted = size <= maxBeaconBytes ? countBeacon(Buffer.concat(chunks).toString('utf8'), who) : undefined;
    void Promise.resolve(counted).then(() => {
      response.writeHead(204, { 'cache-control': 'no-store' });
      response.end();
    });
  });
}

const firstHeader = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;
