import { env, type Env } from '@/lib/env';
import { diskStorage } from './disk';
import { openBucket, s3Storage, type Bucket, type S3Settings } from './s3';
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
let opened: { settings: string; bucket: Bucket; storage: Storage } | null = null;

/** The storage the environment chooses (STORAGE, S3_BUCKET): the disk under UPLOADS_DIR by default, or the bucket. */
export function storage(): Storage {
  const config = env();
  const settings = s3Settings(config);
  if (config.STORAGE === 'disk' || !settings) return diskStorage(config.UPLOADS_DIR);
  const key = JSON.stringify([settings, config.S3_PUBLIC_URL]);
  if (opened?.settings !== key) {
    opened?.bucket.client.destroy();
    const bucket = openBucket(settings);
    opened = { settings: key, bucket, storage: s3Storage(bucket, config.S3_PUBLIC_URL) };
  }
  return opened.storage;
}
