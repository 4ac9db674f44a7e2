import 'server-only';

type Trim = () => boolean;
let loading: Promise<Trim | undefined> | undefined;

/**
 * glibc's `malloc_trim(0)`: hands back to the system the free pages inside malloc's arenas, where Node's buffers,
 * its HTTP parsers and V8's compilers allocate. glibc returns on its own only the free space at the top of an
 * arena; what a rush frees below memory still in use stays resident for the life of the process (bench/FINDINGS.md,
 * "malloc's free pages": 22–30 MB on the embedded database's server after the bench's publishing and storms).
 *
 * Called through koffi, an FFI with prebuilt binaries, loaded on the first call. Resolves false where there is no
 * glibc (macOS, Alpine's musl) or koffi cannot load: there is nothing to trim, or no way to ask.
 */
export async function trimMallocArenas(): Promise<boolean> {
  loading ??= loadTrim();
  const trim = await loading;
  return trim ? trim() : false;
}

async function loadTrim(): Promise<Trim | undefined> {
  if (process.platform !== 'linux') return undefined;
  try {
    const { default: koffi } = await import('koffi');
    const mallocTrim = koffi.load('libc.so.6').func('int malloc_trim(size_t pad)') as (pad: number) => number;
    // 1: memory was given back; 0: there was none to give.
    return () => mallocTrim(0) === 1;
  } catch {
    return undefined;
  }
}
