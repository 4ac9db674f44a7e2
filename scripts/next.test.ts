import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serverNodeFlags } from './next';

const service = fs.readFileSync('deploy/broadsheet@.service', 'utf8');

describe("the server's node flags", () => {
  it('cap the heap and the young generation on either database', () => {
    for (const url of [undefined, 'postgres://db/news']) {
      expect(serverNodeFlags(url)).toContain('--max-old-space-size=1024');
      expect(serverNodeFlags(url)).toContain('--max-semi-space-size=8');
    }
  });

  it('are the ones the systemd unit gives its instances (PostgreSQL)', () => {
    const nodeOptions = /^Environment="NODE_OPTIONS=(.*)"$/m.exec(service)?.[1];
    expect(nodeOptions).toBe(serverNodeFlags('postgres://db/news').join(' '));
  });
});
