import { env } from '@/lib/env';
import { diskStorage } from './disk';
import type { Storage } from './storage';

export { fileExtensions, isSafeKey, type Storage, type StoredFile, type StoredType } from './storage';

/**
 * The storage the environment chooses (STORAGE): the disk under UPLOADS_DIR, the default and for now the only one.
 * Another implementation (S3) is one more case here and one more entry in storage.test.ts.
 */
export function storage(): Storage {
  const config = env();
  switch (config.STORAGE) {
    case 'disk':
      return diskStorage(config.UPLOADS_DIR);
  }
}
