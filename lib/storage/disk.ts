import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { assertStorable, isSafeKey, typeOfKey, type Storage } from './storage';

/** Files under one folder (UPLOADS_DIR), served by app/uploads at /uploads/<key>. */
export function diskStorage(dir: string): Storage {
  // turbopackIgnore (here and on each file access): paths only known at run time; without it the build traces the
  // whole project (the database in .data and other builds included), and build time grows with the archive.
  const root = path.resolve(/* turbopackIgnore: true */ dir);
  const fileOf = (key: string): string | null => {
    if (!isSafeKey(key)) return null;
    const file = path.join(/* turbopackIgnore: true */ root, key);
    // isSafeKey already keeps a key inside; this says so again where the path is made.
    return file.startsWith(root + path.sep) ? file : null;
  };

  return {
    async put(key, bytes, type) {
      assertStorable(key, type);
      const file = fileOf(key);
      if (!file) throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
      await fs.mkdir(/* turbopackIgnore: true */ path.dirname(file), { recursive: true });
      await fs.writeFile(/* turbopackIgnore: true */ file, bytes);
    },

    async get(key) {
      const file = fileOf(key);
      const type = typeOfKey(key);
      if (!file || !type) return null;
      const handle = await fs.open(/* turbopackIgnore: true */ file).catch(() => null);
      if (!handle) return null;
      const stat = await handle.stat();
      if (!stat.isFile()) {
        await handle.close();
        return null;
      }
      // The stream closes the file when it ends or is cancelled (a client that goes away).
      const body = Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
      return { body, type, size: stat.size };
    },

    async delete(key) {
      const file = fileOf(key);
      if (file) await fs.rm(/* turbopackIgnore: true */ file, { force: true });
    },

    url: (key) => `/uploads/${key}`,

    async reachable() {
      await fs.mkdir(/* turbopackIgnore: true */ root, { recursive: true });
      await fs.access(/* turbopackIgnore: true */ root, fs.constants.W_OK);
    },
  };
}
