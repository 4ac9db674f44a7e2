import fs from 'node:fs';
import net from 'node:net';
import { defineConfig, devices } from '@playwright/test';

/** A free port, chosen once: the workers inherit it through the environment. */
async function freePort(): Promise<string> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return String(port);
}

process.env.E2E_PORT ??= await freePort();
// Where the server asks nginx for fresh pages (CACHE_REFRESH_URL); nginx listens there only while a test runs it.
process.env.E2E_REFRESH_PORT ??= await freePort();
const port = process.env.E2E_PORT;
const systemChromium = '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  // A guard against hangs, not a speed check: the longest flows took 30–37 s on a slower CI machine (2 cores shared
  // by the server, two browsers and the database), where 45 s was not enough.
  timeout: 90_000,
  // One server on two cores serves two browsers: give answers a little longer than the default.
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: fs.existsSync(systemChromium)
      ? {
          executablePath: systemChromium,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
        }
      : {},
  },
  projects: [
    // Readers check the demo content as seeded; the newsroom's tests then publish and change things.
    { name: 'reader', testMatch: /reader-.*\.spec\.ts/, use: { ...devices['Desktop Chrome'] } },
    {
      name: 'newsroom',
      testIgnore: [/reader-.*\.spec\.ts/, /admin-moves-the-site-to-a-new-server\.spec\.ts/],
      dependencies: ['reader'],
      use: { ...devices['Desktop Chrome'] },
    },
    // Last and alone: it compares the site's cached pages with a copy rendered from its archive, and a change made
    // by a spec running beside it (an ad sold during the download) could reach one and not yet the other.
    {
      name: 'move',
      testMatch: /admin-moves-the-site-to-a-new-server\.spec\.ts/,
      dependencies: ['newsroom'],
      use: { ...devices['Desktop Chrome'] },
    },
  ],
  webServer: {
    command: 'node --conditions=react-server --import tsx scripts/e2e-server.ts',
    url: `http://127.0.0.1:${port}/robots.txt`,
    // The build comes first: on a loaded 2-core machine it has taken over 5 minutes.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
  },
});
