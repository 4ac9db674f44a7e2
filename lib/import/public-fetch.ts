import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

/**
 * Fetching what an export file names (its images) without letting the file reach inside our network (SSRF): only
 * http(s), only public addresses, checked on the address actually connected to (the connection's own DNS lookup
 * validates what it resolves, so a name cannot answer one address to the check and another to the fetch), each
 * redirect checked again, with a cap on size and time.
 */

/** Why an address was not fetched; its message is the reason the summary shows. */
export class FetchRefused extends Error {}

export type PublicFetchOptions = {
  /** Accepts the answer's content type (without parameters, lowercased). */
  accept: (contentType: string) => boolean;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects?: number;
  /**
   * Private addresses fetched anyway: only tests set it, for the image server they start on loopback. Everything
   * else (the job, the command) refuses every address that is not public.
   */
  allowAddresses?: readonly string[];
};

const blockedV4: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, and cloud metadata at 169.254.169.254
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and broadcast
];
const blockedV6: [string, number][] = [
  ['::', 96], // unspecified, loopback, and the deprecated IPv4-compatible forms
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];
const blocked = new net.BlockList();
for (const [address, prefix] of blockedV4) blocked.addSubnet(address, prefix, 'ipv4');
for (const [address, prefix] of blockedV6) blocked.addSubnet(address, prefix, 'ipv6');

/** The 16 bytes of an IPv6 address (which net.isIP has accepted), a trailing dotted quad included. */
function ipv6Bytes(address: string): number[] {
  let text = address;
  const quad = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (quad) {
    const [a, b, c, d] = quad[1].split('.').map(Number);
    text = `${text.slice(0, -quad[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const words =
    tail === undefined
      ? groups(head)
      : [...groups(head), ...Array(8 - groups(head).length - groups(tail).length).fill('0'), ...groups(tail)];
  return words.flatMap((word) => {
    const value = parseInt(word, 16);
    return [value >> 8, value & 0xff];
  });
}

/** Whether an address (an IP, v4 or v6) is on the public internet: what an import may fetch from. */
export function isPublicAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const version = net.isIP(ip);
  if (version === 4) return !blocked.check(ip, 'ipv4');
  if (version !== 6) return false;
  const bytes = ipv6Bytes(ip.toLowerCase());
  const v4 = (from: number) => bytes.slice(from, from + 4).join('.');
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((byte) => byte === 0);
  // Forms that carry an IPv4 address are judged by it: mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::a.b.c.d), 6to4.
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return isPublicAddress(v4(12));
  if (bytes[0] === 0 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12))
    return isPublicAddress(v4(12));
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return isPublicAddress(v4(2));
  return !blocked.check(ip, 'ipv6');
}

type LookupCallback = (error: Error | null, address: string | dns.LookupAddress[], family?: number) => void;

/** The connection's DNS lookup: every address a name resolves to must be public, and one of those is connected to. */
function checkedLookup(allowed: (address: string) => boolean) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const refused = addresses.find(({ address }) => !allowed(address));
      if (refused || addresses.length === 0)
        return callback(new FetchRefused(`${hostname} is not a public address (${refused?.address ?? 'none'})`), '');
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * GETs a public http(s) address and returns its body, following at most `maxRedirects` redirects (each one checked
 * like the first). Throws FetchRefused with the reason for anything it does not take.
 */
export async function fetchPublic(
  url: string,
  options: PublicFetchOptions,
): Promise<{ contentType: string; body: Buffer }> {
  const allowList = new Set(options.allowAddresses ?? []);
  const allowed = (address: string) => allowList.has(address) || isPublicAddress(address);
  const lookup = checkedLookup(allowed);
  const signal = AbortSignal.timeout(options.timeoutMs);
  const maxRedirects = options.maxRedirects ?? 3;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new FetchRefused('not an address');
  }
  try {
    for (let hop = 0; ; hop++) {
      if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new FetchRefused('not an http(s) address');
      const host = target.hostname.replace(/^\[|\]$/g, '');
      // An address given as an IP is connected to without a lookup: it is checked here.
      if (net.isIP(host) && !allowed(host)) throw new FetchRefused(`${host} is not a public address`);
      const response = await get(target, lookup, signal);
      const status = response.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        response.destroy();
        const location = response.headers.location;
        if (!location) throw new FetchRefused(`the old site answered ${status} without a Location`);
        if (hop >= maxRedirects) throw new FetchRefused(`more than ${maxRedirects} redirects`);
        target = new URL(location, target);
        continue;
      }
      if (status < 200 || status >= 300) {
        response.destroy();
        throw new FetchRefused(`the old site answered ${status}`);
      }
      const contentType = (response.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (!options.accept(contentType)) {
        response.destroy();
        throw new FetchRefused(`not an image we keep (${contentType || 'no type'})`);
      }
      const tooLarge = new FetchRefused(`larger than ${Math.round(options.maxBytes / 1024 / 1024)} MB`);
      if (Number(response.headers['content-length'] ?? 0) > options.maxBytes) {
        response.destroy();
        throw tooLarge;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > options.maxBytes) {
          response.destroy();
          throw tooLarge;
        }
        chunks.push(chunk);
      }
      return { contentType, body: Buffer.concat(chunks) };
    }
  } catch (error) {
    if (error instanceof FetchRefused) throw error;
    if (signal.aborted)
      throw new FetchRefused(`the old site did not answer within ${Math.round(options.timeoutMs / 1000)} s`);
    throw new FetchRefused(`the old site did not answer (${(error as Error).message})`);
  }
}

function get(target: URL, lookup: ReturnType<typeof checkedLookup>, signal: AbortSignal) {
  const client = target.protocol === 'https:' ? https : http;
  return new Promise<http.IncomingMessage>((resolve, reject) => {
    // No shared agent: each connection is made with the checked lookup, never taken from a pool of other code's.
    const request = client.get(target, { agent: false, lookup: lookup as net.LookupFunction, signal }, resolve);
    request.on('error', reject);
  });
}
