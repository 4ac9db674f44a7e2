import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nextStartOptions, serverNodeFlags } from './next';

const service = fs.readFileSync('deploy/broadsheet@.service', 'utf8');

describe("the server's node flags", () => {
  it('cap the heap and the young generation, and expose V8’s gc, on either database', () => {
    for (const url of [undefined, 'postgres://db/news']) {
      expect(serverNodeFlags(url)).toContain('--max-old-space-size=1024');
      expect(serverNodeFlags(url)).toContain('--max-semi-space-size=8');
      // lib/idle-memory.ts
      expect(serverNodeFlags(url)).toContain('--expose-gc');
    }
  });

  it('compile the embedded database once, with V8’s baseline compiler, and favour speed on either database', () => {
    expect(serverNodeFlags(undefined)).toContain('--liftoff-only');
    expect(serverNodeFlags('postgres://db/news')).not.toContain('--liftoff-only');
    for (const url of [undefined, 'postgres://db/news'])
      expect(serverNodeFlags(url)).not.toContain('--optimize-for-size');
  });

  it('are the ones the systemd unit gives its instances (PostgreSQL)', () => {
    const nodeOptions = /^Environment="NODE_OPTIONS=(.*)"$/m.exec(service)?.[1];
    expect(nodeOptions).toBe(serverNodeFlags('postgres://db/news').join(' '));
  });
});

describe('next start', () => {
  it('gets the same options from the systemd unit', () => {
    const start = /^ExecStart=\S+\/next start (.*)$/m.exec(service)?.[1].split(' ');
    expect(start?.slice(0, nextStartOptions.length)).toEqual(nextStartOptions);
  });

  // What Next does with --experimental-next-config-strip-types: import the file as it is. A `.ts` import without its
  // extension, or syntax Node cannot strip, would send Next back to SWC (and its memory), with a warning.
  it.runIf(process.features.typescript)('can load next.config.ts through Node alone', () => {
    const load = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', "const { default: c } = await import('./next.config.ts'); console.log(c.distDir);"],
      { encoding: 'utf8', env: { ...process.env, NEXT_DIST_DIR: '.next-config-check' } },
    );
    expect(load.stderr).toBe('');
    expect(load.stdout.trim()).toBe('.next-config-check');
  });
});
