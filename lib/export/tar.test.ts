import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTar, tarEnd, tarHeader, tarPadding } from './tar';

const tarOf = (files: [string, Buffer][]) =>
  Buffer.concat([
    ...files.flatMap(([name, bytes]) => [tarHeader(name, bytes.length), bytes, tarPadding(bytes.length)]),
    tarEnd(),
  ]);

async function read(bytes: Buffer, chunk = 100, max = 1024 * 1024) {
  async function* chunks() {
    for (let at = 0; at < bytes.length; at += chunk) yield bytes.subarray(at, at + chunk);
  }
  const entries: [string, string][] = [];
  for await (const entry of readTar(chunks(), max)) entries.push([entry.name, entry.bytes.toString()]);
  return entries;
}

describe('tar', () => {
  const files: [string, Buffer][] = [
    ['broadsheet.json', Buffer.from('{"a":1}')],
    ['media/covers/x.png', Buffer.alloc(1500, 7)],
    ['empty.json', Buffer.alloc(0)],
  ];

  it('reads back what it writes, whatever the chunks', async () => {
    for (const chunk of [1, 100, 512, 10_000])
      expect(await read(tarOf(files), chunk)).toEqual(files.map(([name, bytes]) => [name, bytes.toString()]));
  });

  it('writes what the system tar reads', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tar-'));
    fs.writeFileSync(path.join(folder, 'a.tar'), tarOf(files));
    const listing = execFileSync('tar', ['-tf', path.join(folder, 'a.tar')], { encoding: 'utf8' });
    fs.rmSync(folder, { recursive: true });
    expect(listing.trim().split('\n')).toEqual(files.map(([name]) => name));
  });

  it('refuses a damaged header, a cut-off file and an entry over the limit', async () => {
    const damaged = tarOf(files);
    damaged[3] ^= 1;
    await expect(read(damaged)).rejects.toThrow('a damaged file header');
    await expect(read(tarOf(files).subarray(0, 1200))).rejects.toThrow('ends in the middle');
    await expect(read(tarOf(files), 100, 1000)).rejects.toThrow('larger than an archive holds');
  });
});
