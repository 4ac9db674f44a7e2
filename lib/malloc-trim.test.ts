import { describe, expect, it } from 'vitest';
import { exposedGc } from '@/lib/testing/v8-gc';
import { trimMallocArenas } from './malloc-trim';

const gc = exposedGc();
const MB = 2 ** 20;

// glibc's: on macOS there is nothing of the kind to call (trimMallocArenas resolves false there).
describe.runIf(process.platform === 'linux')('trimming malloc', () => {
  it('gives back the free pages a burst of buffers left between the ones still in use', async () => {
    // 100 MB of small buffers (their memory is malloc's), of which one in 64 outlives the burst: the free space
    // lies between live allocations, where glibc does not give it back by itself.
    let buffers = Array.from({ length: 100_000 }, () => new ArrayBuffer(1024));
    buffers = buffers.filter((_, i) => i % 64 === 0);
    for (let i = 0; i < 3; i++) {
      gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const before = process.memoryUsage.rss();
    expect(await trimMallocArenas()).toBe(true);
    expect(process.memoryUsage.rss()).toBeLessThan(before - 50 * MB);
    expect(buffers).toHaveLength(1563);
  });
});
