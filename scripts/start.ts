import { ensureAuthSecret } from './auth-secret';
import { prepareDatabase } from './prepare-db';
import { runNext } from './next';

// `npm start`: migrate, seed on first run, build, serve. PORT overrides 3000.
ensureAuthSecret();
await prepareDatabase();
await runNext(['build']);
await runNext(['start', '--port', process.env.PORT ?? '3000']);
