import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  assertStorable,
  contentDisposition,
  isSafeKey,
  typeOfKey,
  UPLOAD_CACHE_CONTROL,
  type Storage,
} from './storage';

/** What the bucket needs, from lib/env.ts (S3_*, AWS_*). */
export type S3Settings = {
  bucket: string;
  region: string;
  endpoint?: string;
  /** Both or neither; neither lets the SDK find them itself (an instance role, ~/.aws). */
  accessKeyId?: string;
  secretAccessKey?: string;
};

export type Bucket = { client: S3Client; name: string };

export function openBucket(settings: S3Settings): Bucket {
  const client = new S3Client({
    region: settings.region,
    ...(settings.endpoint && {
      endpoint: settings.endpoint,
      // MinIO, Garage and s3rver answer at <endpoint>/<bucket>/<key>, not at a bucket's own host name.
      forcePathStyle: true,
      // Some S3-compatible services refuse the SDK's default CRC32 checksum headers; only AWS is sure to take them.
      requestChecksumCalculation: 'WHEN_REQUIRED' as const,
      responseChecksumValidation: 'WHEN_REQUIRED' as const,
    }),
    ...(settings.accessKeyId &&
      settings.secretAccessKey && {
        credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      }),
    // A bucket that does not answer fails the request in seconds rather than holding it for the OS's minutes.
    requestHandler: { connectionTimeout: 5000 },
  });
  return { client, name: settings.bucket };
}

/**
 * Files in an S3-compatible bucket, under the same keys as on disk. Served from `publicUrl`/<key> when given (a CDN
 * or a public bucket), else through app/uploads at /uploads/<key>, which streams them from the bucket.
 */
export function s3Storage({ client, name }: Bucket, publicUrl?: string): Storage {
  return {
    async put(key, bytes, type) {
      assertStorable(key, type);
      // Type, disposition and caching travel with the object, for readers who fetch it from the bucket or a CDN.
      await client.send(
        new PutObjectCommand({
          Bucket: name,
          Key: key,
          Body: bytes,
          ContentType: type,
          ContentDisposition: contentDisposition(type),
          CacheControl: UPLOAD_CACHE_CONTROL,
        }),
      );
    },

    async get(key) {
      const type = typeOfKey(key);
      if (!isSafeKey(key) || !type) return null;
      const object = await client
        .send(new GetObjectCommand({ Bucket: name, Key: key }))
        .catch((error: unknown) => (error instanceof NoSuchKey ? null : Promise.reject(error)));
      if (!object?.Body || object.ContentLength === undefined) return null;
      // The web stream ends the bucket's response when it is cancelled (a client that goes away).
      return { body: object.Body.transformToWebStream(), type, size: object.ContentLength };
    },

    async delete(key) {
      if (isSafeKey(key)) await client.send(new DeleteObjectCommand({ Bucket: name, Key: key }));
    },

    url: (key) => (publicUrl ? `${publicUrl}/${key}` : `/uploads/${key}`),

    async reachable() {
      await client.send(new HeadBucketCommand({ Bucket: name }));
    },
  };
}

/** Every key in the bucket with its size in bytes (media:migrate compares them with the disk's). */
export async function objectSizes({ client, name }: Bucket): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  let ContinuationToken: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: name, ContinuationToken }));
    for (const object of page.Contents ?? []) if (object.Key) sizes.set(object.Key, object.Size ?? 0);
    ContinuationToken = page.NextContinuationToken;
  } while (ContinuationToken);
  return sizes;
}
