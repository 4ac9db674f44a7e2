import 'server-only';
import { listAdIds } from '@/db/queries/ad-stats';
import { getDb } from '@/lib/db';

/** An unknown id reloads the list at most this often: ids made up by a client cost one read a second at most. */
const RELOAD_AFTER_MS = 1000;

type State = { ids: Set<number>; loadedAt: number; loading?: Promise<void> };
const holder = globalThis as unknown as { broadsheetKnownAds?: State };

function reload(state: State): Promise<void> {
  state.loading ??= (async () => {
    try {
      const ids = await listAdIds(await getDb());
      state.ids = new Set(ids);
      state.loadedAt = Date.now();
    } finally {
      state.loading = undefined;
    }
  })();
  return state.loading;
}

/**
 * The ids among `adIds` that name an ad, from the ids held in memory: counting needs no read per beacon, and ids
 * a client made up take no room in the repeat filter or the counters. A new ad's first beacon reloads the list
 * (at most once a second; a deleted ad's counts are dropped when they are written).
 */
export async function existingAdIds(adIds: number[]): Promise<number[]> {
  holder.broadsheetKnownAds ??= { ids: new Set(), loadedAt: -Infinity };
  const state = holder.broadsheetKnownAds;
  if (adIds.some((id) => !state.ids.has(id))) {
    if (state.loading) await state.loading;
    else if (Date.now() - state.loadedAt >= RELOAD_AFTER_MS) await reload(state);
  }
  return adIds.filter((id) => state.ids.has(id));
}
