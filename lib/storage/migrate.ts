import fs from 'node:fs/promises';
import path from 'node:path';
import { objectSizes, s3Storage, type Bucket } from './s3';
import { isSafeKey, typeOfKey } from './storage';

export type MigrationReport = {
  /** Uploads found in the folder. */
  found: number;
  /** Copied now (or, with dryRun, that would be). */
  copied: number;
  bytes: number;
  /** Already in the bucket with the same size, left alone. */
  present: number;
  /** Files in the folder that are not uploads (another type, a hidden file): never copied. */
  skipped: string[];
};

/** How many files are sent at once: enough to hide each request's round trip, few enough for a small machine. */
const PARALLEL = 4;

/**
 * Copies every upload under `folder` into the bucket, under the same key (its path under the folder), so addresses
 * stored in posts (/uploads/<key>) keep working once the site reads from the bucket. A file already there with the
 * same size is left alone: names are random and never reused, so equal size means the same file. An S3 PUT lands
 * whole or not at all, so an interrupted run is finished by running it again. Nothing is deleted on either side.
 */
export async function migrateMedia(
  folder: string,
  bucket: Bucket,
  { dryRun = false, log = console.log }: { dryRun?: boolean; log?: (line: string) => void } = {},
): Promise<MigrationReport> {
  const root = path.resolve(/* turbopackIgnore: true */ folder);
  const entries = await fs.readdir(/* turbopackIgnore: true */ root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  const uploads = files.flatMap((key) => {
    const type = typeOfKey(key);
    return isSafeKey(key) && type ? [{ key, type }] : [];
  });
  const uploadKeys = new Set(uploads.map(({ key }) => key));
  const report: MigrationReport = {
    found: uploads.length,
    copied: 0,
    bytes: 0,
    present: 0,
    skipped: files.filter((key) => !uploadKeys.has(key)),
  };

  const inBucket = await objectSizes(bucket);
  const target = s3Storage(bucket);
  const queue = [...uploads];
  const copyNext = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { key, type } = next;
      const file = path.join(root, key);
      const { size } = await fs.stat(/* turbopackIgnore: true */ file);
      if (inBucket.get(key) === size) {
        report.present++;
        continue;
      }
      if (!dryRun) await target.put(key, await fs.readFile(/* turbopackIgnore: true */ file), type);
      report.copied++;
      report.bytes += size;
      const done = report.copied + report.present;
      log(`${dryRun ? 'would copy' : 'copied'} ${key} (${kilobytes(size)}) [${done}/${uploads.length}]`);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, copyNext));
  return report;
}

const kilobytes = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;
const listed = (keys: string[]) => keys.slice(0, 5).join(', ') + (keys.length > 5 ? ', …' : '');

/** One line saying what a run did. */
export function describeMigration(report: MigrationReport, dryRun: boolean): string {
  const megabytes = (report.bytes / 1024 / 1024).toFixed(1);
  return [
    `${report.found} uploads in the folder`,
    `${report.copied} ${dryRun ? 'would be copied' : 'copied'} (${megabytes} MB)`,
    `${report.present} already in the bucket`,
    ...(report.skipped.length ? [`${report.skipped.length} other files left out: ${listed(report.skipped)}`] : []),
  ].join('; ');
}
