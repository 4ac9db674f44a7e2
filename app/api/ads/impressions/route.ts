import { beaconRoute } from '@/lib/ads/beacon-front';
import { answerWebRequest } from '@/lib/request/front';

/**
 * Impressions from the browser: once the server has started, lib/request/front.ts answers these before Next; this
 * route answers the ones that arrive while it starts.
 */
export async function POST(request: Request) {
  return answerWebRequest(beaconRoute, request);
}
