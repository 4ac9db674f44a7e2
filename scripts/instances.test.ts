import { afterEach, describe, expect, it, vi } from 'vitest';
import { instanceCommand } from './instances';

afterEach(() => vi.unstubAllEnvs());

describe('a started instance', () => {
  it('gets the node flags of the database it serves, also when only this process names it', () => {
    vi.stubEnv('DATABASE_URL', 'postgres://db/news');
    const onServer = instanceCommand(3000, {});
    expect(onServer.env.DATABASE_URL).toBe('postgres://db/news');
    expect(onServer.args).not.toContain('--liftoff-only');
    const embedded = instanceCommand(3000, { DATABASE_URL: undefined });
    expect(embedded.args).toContain('--liftoff-only');
    expect(embedded.args.slice(-6)).toEqual([
      '--hostname',
      '127.0.0.1',
      '--port',
      '3000',
      '--keepAliveTimeout',
      '65000',
    ]);
  });
});
