import 'server-only';
import type { FrontAnswer } from '@/lib/request/front';
import { findRedirect } from './lookup';

/**
 * An old address with a trailing slash (WordPress writes every address so: /2018/10/20/slug/, /about/, /feed/) that
 * has a redirect gets it in one hop, before Next. Next would first send it to the address without the slash, and
 * only the page there would find the redirect: two hops for every imported link. Only such addresses are looked up:
 * Next serves no page at one, so a page that exists pays nothing.
 */
export function redirectSlashedOldAddress(url: string): Promise<FrontAnswer | null> | null {
  const path = url.split('?', 1)[0];
  if (path.length < 2 || !path.endsWith('/')) return null;
  return findRedirect(path).then((to) => (to ? { status: 301, headers: [['location', to]] } : null));
}
