import 'server-only';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { env } from '@/lib/env';
import { headersEverywhere } from '@/lib/security-headers';
import { clientIp, pickClientAddress } from './client-address';

/** A request as a front route sees it: its headers, its body (no longer than the route takes), its client. */
export type FrontRequest = { headers: Headers; body: Buffer; ip: string };
export type FrontAnswer = { status: number; headers?: [string, string][]; body?: string };

/**
 * A write route answered before Next. `tooLarge`: the answer to a body over `maxBytes`, which is never read
 * further than that.
 */
export type FrontRoute = {
  method: 'POST';
  path: string;
  maxBytes: number;
  tooLarge: FrontAnswer;
  handle: (request: FrontRequest) => Promise<FrontAnswer>;
};

/**
 * Answers a few write routes before Next sees them. What such a request cost was mostly Next's own handling of it
 * (routing, the route's bundle, a web Request and Response, for a server action the page's React tree), and under
 * a rush that was most of the server's time: readers' page requests queued behind it (bench/FINDINGS.md, beacons
 * and comments answered before Next). Every other request goes to Next unchanged. Installed once per process by
 * instrumentation.ts, through Node's documented `http.server.request.start` channel, which names each server before
 * its first request is handed out; until then (the server starting) each route's Next twin under app/api answers,
 * through `answerWebRequest`. Returns how to uninstall it (tests).
 */
export function answerBeforeNext(routes: FrontRoute[]): () => void {
  const byPath = new Map(routes.map((route) => [`${route.method} ${route.path}`, route]));
  const fronted = new WeakSet<Server>();
  const onRequestStart = (message: unknown) => {
    const { server } = message as { server: Server };
    if (fronted.has(server)) return;
    fronted.add(server);
    const handlers = server.listeners('request') as ((request: IncomingMessage, response: ServerResponse) => void)[];
    server.removeAllListeners('request');
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      const route = byPath.get(`${request.method} ${request.url}`);
      if (route) answer(route, request, response);
      else for (const handler of handlers) handler.call(server, request, response);
    });
  };
  subscribe('http.server.request.start', onRequestStart);
  return () => unsubscribe('http.server.request.start', onRequestStart);
}

/** What next.config gives Next's every answer (nosniff, the site's policy…), for ours: read once per process. */
let everywhere: [string, string][] | undefined;
const securityHeaders = () =>
  (everywhere ??= headersEverywhere(env().SITE_URL).map(({ key, value }): [string, string] => [key, value]));

function answer(route: FrontRoute, request: IncomingMessage, response: ServerResponse): void {
  const chunks: Buffer[] = [];
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= route.maxBytes) chunks.push(chunk);
  });
  request.on('error', () => response.destroy());
  request.on('end', () => {
    void respond(route, request, size > route.maxBytes ? null : Buffer.concat(chunks)).then(
      ({ status, headers = [], body }) => {
        response.writeHead(status, [['cache-control', 'no-store'], ...securityHeaders(), ...headers].flat());
        response.end(body);
      },
    );
  });
}

async function respond(route: FrontRoute, request: IncomingMessage, body: Buffer | null): Promise<FrontAnswer> {
  if (!body) return route.tooLarge;
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const ip = pickClientAddress(
      request.socket.remoteAddress ?? null,
      headers.get('x-forwarded-for'),
      env().TRUST_PROXY,
    );
    return await route.handle({ headers, body, ip });
  } catch (error) {
    console.error(`${route.method} ${route.path}:`, error);
    return { status: 500, body: 'Internal Server Error' };
  }
}

/** The same route for a request that reached Next (its twin under app/api). */
export async function answerWebRequest(route: FrontRoute, request: Request): Promise<Response> {
  const body = await readAtMost(request, route.maxBytes);
  const {
    status,
    headers = [],
    body: text,
  } = body ? await route.handle({ headers: request.headers, body, ip: clientIp(request.headers) }) : route.tooLarge;
  return new Response(text ?? null, { status, headers: [['cache-control', 'no-store'], ...headers] });
}

/** The body, or null once it is longer than `max` (read no further). */
async function readAtMost(request: Request, max: number): Promise<Buffer | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) {
    size += read.value.length;
    if (size > max) {
      await reader!.cancel();
      return null;
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks);
}
