/**
 * npm run media:migrate [-- --dry-run]: copies the uploads folder (UPLOADS_DIR) into the bucket (S3_BUCKET and the
 * other S3_* settings), so a site moves its existing media to S3-compatible storage without re-uploading. Safe to
 * run again: what is already in the bucket is left alone, so a run that stopped midway is finished by the next.
 */
import fs from 'node:fs';
import { env } from '@/lib/env';
import { s3Settings } from '@/lib/storage';
import { describeMigration, migrateMedia } from '@/lib/storage/migrate';
import { openBucket } from '@/lib/storage/s3';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
if (args.some((arg) => arg !== '--dry-run')) {
  console.error('Usage: npm run media:migrate [-- --dry-run]');
  process.exit(2);
}

const config = env();
const settings = s3Settings(config);
if (!settings) {
  console.error('Set S3_BUCKET (and S3_ENDPOINT, S3_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) to the bucket.');
  process.exit(1);
}
if (!fs.existsSync(config.UPLOADS_DIR)) {
  console.log(`Nothing to copy: there is no uploads folder at ${config.UPLOADS_DIR}.`);
  process.exit(0);
}

const bucket = openBucket(settings);
const where = `bucket ${settings.bucket}${settings.endpoint ? ` at ${settings.endpoint}` : ''}`;
console.log(`${dryRun ? 'Dry run: nothing is written. ' : ''}Copying ${config.UPLOADS_DIR} into the ${where}.`);
try {
  const report = await migrateMedia(config.UPLOADS_DIR, bucket, { dryRun });
  console.log(`Done: ${describeMigration(report, dryRun)}.`);
} catch (error) {
  console.error(`Stopped: ${(error as Error).name}: ${(error as Error).message}. Run it again to go on from here.`);
  process.exitCode = 1;
} finally {
  bucket.client.destroy();
}
