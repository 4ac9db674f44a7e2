import { env } from '@/lib/env';
import { ensureAuthSecret } from './auth-secret';
import { buildSiteIfChanged } from './build';
import { keepAliveArgs, runNext } from './next';
import { prepareDatabase } from './prepare-db';

// `npm start`: migrate, seed on first run, build when something that shapes the build changed, serve. PORT overrides 3000.
ensureAuthSecret();
await prepareDatabase();
await buildSiteIfChanged();
await runNext(['start', '--port', env().PORT ?? '3000', ...keepAliveArgs]);
