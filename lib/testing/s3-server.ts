import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { openBucket, type S3Settings } from '@/lib/storage/s3';

export type S3Server = {
  settings: S3Settings;
  /** The same settings as the environment variables lib/env.ts reads. */
  env: Record<'S3_BUCKET' | 'S3_ENDPOINT' | 'S3_REGION' | 'AWS_ACCESS_KEY_ID' | 'AWS_SECRET_ACCESS_KEY', string>;
  stop(): Promise<void>;
};

/**
 * A real S3-compatible server for a test (s3rver, files in a temp folder) on a spare port of loopback, holding one
 * empty bucket made through the S3 API. stop() ends it and removes its folder.
 */
export async function startS3Server(bucket = 'media'): Promise<S3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true });
  const endpoint = `http://127.0.0.1:${(await server.run()).port}`;
  // s3rver checks signatures against its one built-in key pair.
  const settings: S3Settings = {
    bucket,
    region: 'us-east-1',
    endpoint,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
  };
  const { client } = openBucket(settings);
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  client.destroy();
  return {
    settings,
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: settings.region,
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
    },
    async stop() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
