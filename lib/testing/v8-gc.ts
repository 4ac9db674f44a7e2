import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { CollectGarbage } from '@/lib/idle-memory';

/**
 * V8's real gc, as `--expose-gc` gives it to the server: exposed to a new context, since a test worker starts
 * without the flag.
 */
export function exposedGc(): CollectGarbage {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as CollectGarbage;
}
