import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildFingerprint, forgetBuild, isBuildCurrent, recordBuild } from './build-fingerprint';

let root: string;
const env = { SITE_URL: 'https://news.example' };
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
};

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'fingerprint-'));
  write('app/page.tsx', 'export default function Home() {}');
  write('lib/posts/rules.ts', 'export const x = 1;');
  write('package-lock.json', '{}');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the build fingerprint', () => {
  it('stays the same when nothing that shapes the build changed, tests included', () => {
    const before = buildFingerprint(root, env);
    write('lib/posts/rules.test.ts', 'it()');
    write('README.md', 'words');
    expect(buildFingerprint(root, env)).toBe(before);
  });

  it('changes with the code, the lockfile, a new file and the build-time environment', () => {
    const before = buildFingerprint(root, env);
    write('lib/posts/rules.ts', 'export const x = 2;');
    const afterCode = buildFingerprint(root, env);
    expect(afterCode).not.toBe(before);
    write('package-lock.json', '{"v":2}');
    expect(buildFingerprint(root, env)).not.toBe(afterCode);
    const afterLock = buildFingerprint(root, env);
    write('components/new.tsx', '');
    expect(buildFingerprint(root, env)).not.toBe(afterLock);
    expect(buildFingerprint(root, { SITE_URL: 'https://other.example' })).not.toBe(buildFingerprint(root, env));
  });

  it('counts a build as current only when it finished with this fingerprint, until a script forgets it', () => {
    const distDir = path.join(root, '.next');
    const fingerprint = buildFingerprint(root, env);
    fs.mkdirSync(distDir);
    expect(isBuildCurrent(distDir, fingerprint)).toBe(false);
    recordBuild(distDir, fingerprint);
    // No BUILD_ID: the build did not finish.
    expect(isBuildCurrent(distDir, fingerprint)).toBe(false);
    fs.writeFileSync(path.join(distDir, 'BUILD_ID'), 'x');
    expect(isBuildCurrent(distDir, fingerprint)).toBe(true);
    expect(isBuildCurrent(distDir, 'other')).toBe(false);
    forgetBuild(distDir);
    expect(isBuildCurrent(distDir, fingerprint)).toBe(false);
  });
});
