/**
 * The little of the tar format (POSIX ustar) an archive needs: regular files with names of up to 100 bytes, written
 * and read as streams. Written here rather than taken from npm: the only tar packages in node_modules come with a
 * dev dependency (lighthouse), and a server installed without them must still export and restore.
 */
const BLOCK = 512;

const octal = (value: number, width: number) => value.toString(8).padStart(width - 1, '0') + '\0';

/** The 512-byte header of a regular file. */
export function tarHeader(name: string, size: number, mtime = new Date()): Buffer {
  const header = Buffer.alloc(BLOCK);
  if (Buffer.byteLength(name) > 100) throw new Error(`A name too long for the archive: ${name}`);
  header.write(name, 0);
  header.write(octal(0o644, 8), 100);
  header.write(octal(0, 8), 108);
  header.write(octal(0, 8), 116);
  header.write(octal(size, 12), 124);
  header.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136);
  header.fill(' ', 148, 156);
  header.write('0', 156);
  header.write('ustar\0' + '00', 257);
  const sum = header.reduce((total, byte) => total + byte, 0);
  header.write(octal(sum, 7) + ' ', 148);
  return header;
}

/** Zeros that bring an entry of `size` bytes to a whole number of blocks. */
export const tarPadding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/** Two empty blocks end an archive. */
export const tarEnd = () => Buffer.alloc(2 * BLOCK);

export type TarEntry = { name: string; bytes: Buffer };

/**
 * Reads a tar stream one entry at a time; each entry is held whole (an archive's entries are small: a batch of
 * rows, one image), and one larger than `maxEntryBytes` is refused before it is read.
 */
export async function* readTar(chunks: AsyncIterable<Buffer>, maxEntryBytes: number): AsyncGenerator<TarEntry> {
  const source = chunks[Symbol.asyncIterator]();
  let rest: Buffer = Buffer.alloc(0);
  const take = async (length: number): Promise<Buffer> => {
    const parts: Buffer[] = [rest];
    let have = rest.length;
    while (have < length) {
      const next = await source.next();
      if (next.done) throw new Error('the archive ends in the middle of a file');
      parts.push(next.value);
      have += next.value.length;
    }
    const all = parts.length === 1 ? rest : Buffer.concat(parts);
    rest = all.subarray(length);
    return all.subarray(0, length);
  };

  for (;;) {
    const header = await take(BLOCK);
    if (header.every((byte) => byte === 0)) return;
    const field = (start: number, length: number) =>
      header.toString('utf8', start, start + length).replace(/\0.*$/s, '');
    const stored = parseInt(field(148, 8).trim(), 8);
    header.fill(' ', 148, 156);
    if (stored !== header.reduce((total, byte) => total + byte, 0)) throw new Error('a damaged file header');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    if (!Number.isSafeInteger(size) || size > maxEntryBytes) throw new Error('a file larger than an archive holds');
    const prefix = field(257, 6) === 'ustar' ? field(345, 155) : '';
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const bytes = Buffer.from(await take(size));
    await take(tarPadding(size).length);
    // Only regular files carry anything we wrote; directories and extended headers are passed over.
    if (field(156, 1) === '0' || field(156, 1) === '') yield { name, bytes };
  }
}
