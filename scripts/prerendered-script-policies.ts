import fs from 'node:fs';
import path from 'node:path';
import { SCRIPT_POLICY_HEADER } from '@/lib/cache/script-policy';
import { scriptPolicyForPage } from '@/lib/security-headers';

/**
 * Gives every page `next build` prerendered its script policy (lib/cache/script-policy.ts does it for pages stored
 * while the server runs; the build stores its pages without running our cache handler). The policy goes into the
 * page's .meta file, whose headers Next sends with the page. Returns how many pages it gave one.
 */
export function addScriptPoliciesToPrerenderedPages(distDir: string): number {
  const pagesDir = path.join(distDir, 'server', 'app');
  let count = 0;
  for (const file of fs.readdirSync(pagesDir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.html')) continue;
    const metaPath = path.join(pagesDir, file.replace(/\.html$/, '.meta'));
    if (!fs.existsSync(metaPath)) continue;
    const html = fs.readFileSync(path.join(pagesDir, file), 'utf8');
    const meta = JSON.parse(fs.readFileSync(metaPath, 'utf8')) as { headers?: Record<string, string> };
    meta.headers = { ...meta.headers, [SCRIPT_POLICY_HEADER]: scriptPolicyForPage(html) };
    fs.writeFileSync(metaPath, JSON.stringify(meta));
    count++;
  }
  return count;
}
