import { env, type Env } from '@/lib/env';
import { diskStorage } from './disk';
import type { Bucket, S3Settings } from './s3';
import type { Storage } from './storage';

export {
  contentDisposition,
  fileExtensions,
  isSafeKey,
  UPLOAD_CACHE_CONTROL,
  type Storage,
  type StoredFile,
  type StoredType,
} from './storage';

/** The bucket's settings from the environment, or null when none is named. */
export function s3Settings(config: Env): S3Settings | null {
  if (!config.S3_BUCKET) return null;
  return {
    bucket: config.S3_BUCKET,
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    accessKeyId: config.AWS_ACCESS_KEY_ID,
    secretAccessKey: config.AWS_SECRET_ACCESS_KEY,
  };
}

// One S3 client per process (it keeps its connections open), made again only if the settings change (tests).
let opened: { settings: string; bucket: Promise<Bucket>; storage: Promise<Storage> } | null = null;

/**
 * The storage the environment chooses (STORAGE, S3_BUCKET): the disk under UPLOADS_DIR by default, or the bucket.
 * The AWS SDK is loaded only when a bucket is used: a site on disk never pays for it (36 MB of memory and most of
 * a second to load, measured here).
 */
export async function storage(): Promise<Storage> {
  const config = env();
  const settings = s3Settings(config);
  if (config.STORAGE === 'disk' || !settings) return diskStorage(config.UPLOADS_DIR);
  const key = JSON.stringify([settings, config.S3_PUBLIC_URL]);
  if (opened?.settings !== key) {
    void opened?.bucket.then(({ client }) => client.destroy());
    const s3 = import('./s3');
    const bucket = s3.then(({ openBucket }) => openBucket(settings));
    const files = Promise.all([s3, bucket]).then(([{ s3Storage }, ready]) => s3Storage(ready, config.S3_PUBLIC_URL));
    opened = { settings: key, bucket, storage: files };
  }
  return opened.storage;
}
