import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';

/**
 * What shapes a build: the code, the lockfile, the configuration files and the environment Next bakes into the
 * pages at build time. `npm start` builds only when this changed since the last build, so a restart with nothing
 * changed serves at once; content changes never need a build (pages regenerate by their cache tags).
 */
const sources = ['app', 'components', 'lib', 'db', 'public', 'drizzle'];
const files = [
  'package-lock.json',
  'next.config.ts',
  'tsconfig.json',
  'postcss.config.mjs',
  'instrumentation.ts',
  'proxy.ts',
  'scripts/compile-hints.ts',
];
/** Read at build time: a page built for one site address or database must not be served for another. */
export const buildTimeEnv = ['SITE_URL', 'DATABASE_URL', 'PGLITE_DIR'] as const;

const fingerprintFile = (distDir: string) => path.join(distDir, 'broadsheet-build-fingerprint');

function* walk(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    // Tests do not shape the build.
    else if (!/\.test\.tsx?$/.test(entry.name)) yield full;
  }
}

export function buildFingerprint(
  root: string,
  environment: Partial<Record<(typeof buildTimeEnv)[number], string>>,
): string {
  const hash = createHash('sha256');
  hash.update(`node ${process.version}\n`);
  for (const name of buildTimeEnv) hash.update(`${name}=${environment[name] ?? ''}\n`);
  const paths = [...sources.flatMap((dir) => [...walk(path.join(root, dir))]), ...files.map((f) => path.join(root, f))];
  for (const file of paths) {
    if (!fs.existsSync(file)) continue;
    hash.update(`${path.relative(root, file)}\n`);
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}

/**
 * The fingerprint of the code in the working folder and the build-time environment as this process reads it,
 * defaults filled in (env()): the one `npm start` compares with the build's.
 */
export function currentBuildFingerprint(): string {
  return buildFingerprint(process.cwd(), env());
}

/** True when distDir holds a finished build made from exactly this fingerprint. */
export function isBuildCurrent(distDir: string, fingerprint: string): boolean {
  if (!fs.existsSync(path.join(distDir, 'BUILD_ID'))) return false;
  try {
    return fs.readFileSync(fingerprintFile(distDir), 'utf8') === fingerprint;
  } catch {
    return false;
  }
}

/** Whether the last build was made from this code, lockfile and build-time environment (then it can be served). */
export function isSiteBuilt(): boolean {
  if (!isBuildCurrent(env().NEXT_DIST_DIR, currentBuildFingerprint())) return false;
  console.log('Nothing that shapes the build changed since the last one: serving it.');
  return true;
}

/** Written only after a build succeeded, so an interrupted build is built again. */
export function recordBuild(distDir: string, fingerprint: string): void {
  fs.writeFileSync(fingerprintFile(distDir), fingerprint);
}

/**
 * For scripts that change content while no server runs (seeding, importing): the pages in the build were rendered
 * from the database before, and no server was there to regenerate them, so the next start builds again.
 */
export function forgetBuild(distDir: string): void {
  fs.rmSync(fingerprintFile(distDir), { force: true });
}
