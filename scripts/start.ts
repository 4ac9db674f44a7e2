import { ensureAuthSecret } from './auth-secret';
import { buildSite } from './build';
import { runNext } from './next';
import { prepareDatabase } from './prepare-db';

// `npm start`: migrate, seed on first run, build, serve. PORT overrides 3000.
ensureAuthSecret();
await prepareDatabase();
await buildSite();
// Idle connections stay open 65 s (Node's default is 5): longer than nginx keeps its pool to us (deploy/nginx.conf).
await runNext(['start', '--port', process.env.PORT ?? '3000', '--keepAliveTimeout', '65000']);
