import { chromium } from '@playwright/test';
import fs from 'node:fs';
import { scriptEnv } from '@/lib/env';

/**
 * Screenshots of the reader's pages at desktop and phone width, for looking at what we build:
 *   BASE_URL=http://localhost:3000 npm run screenshots -- / /label/harbour
 */
const { BASE_URL: baseUrl, OUT_DIR: outDir, FULL_PAGE } = scriptEnv();
const paths = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['/'];
fs.mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  ...(fs.existsSync('/usr/bin/chromium') && { executablePath: '/usr/bin/chromium' }),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
for (const [device, viewport] of [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  for (const path of paths) {
    await page.goto(baseUrl + path);
    const name = path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
    const file = `${outDir}/${device}-${name}.png`;
    await page.screenshot({ path: file, fullPage: FULL_PAGE === '1' });
    console.log(file);
  }
  await page.close();
}
await browser.close();
