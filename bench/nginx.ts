import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stopProcess, waitUntilAnswers } from './load';

const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';

/**
 * deploy/nginx.conf exactly as we ship it, with only the machine-specific parts replaced: the cache folder, the
 * upstream (the `next start` instances) and the two listen addresses. Each replacement must match exactly once, so a
 * change to the shipped file that the bench would silently stop measuring fails here instead.
 */
export function renderDeployConfig({
  cacheDir,
  upstreamPort,
  listenPort,
  refreshPort,
}: {
  cacheDir: string;
  /** One `next start` instance, or several behind the same upstream. */
  upstreamPort: number | number[];
  listenPort: number;
  /** The refresh listener's port (CACHE_REFRESH_URL). */
  refreshPort: number;
}): string {
  let text = fs.readFileSync('deploy/nginx.conf', 'utf8');
  const replace = (pattern: RegExp, by: string) => {
    const found = text.match(new RegExp(pattern.source, 'gm'))?.length ?? 0;
    if (found !== 1)
      throw new Error(`deploy/nginx.conf: expected one ${pattern} to replace for the bench, found ${found}`);
    text = text.replace(new RegExp(pattern.source, 'm'), by);
  };
  replace(/^proxy_cache_path \/var\/cache\/nginx\/broadsheet /, `proxy_cache_path ${cacheDir} `);
  const servers = [upstreamPort].flat().map((port) => `server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;`);
  replace(/^(\s+)server 127\.0\.0\.1:3000 (.*)\n\s+server 127\.0\.0\.1:3001 .*;/, `$1${servers.join('\n$1')}`);
  replace(/^(\s+)listen 80;/, `$1listen 127.0.0.1:${listenPort};`);
  replace(/^(\s+)listen 127\.0\.0\.1:8081;/, `$1listen 127.0.0.1:${refreshPort};`);
  return text;
}

export type Nginx = { stop: () => Promise<void>; dir: string };

/**
 * Starts nginx in the foreground, as the current user, with everything (config, pid, logs, temp and cache
 * folders) in a fresh temporary folder, removed when it stops. `servers` gives the http-level text (server blocks
 * and whatever they need) for that folder, e.g. `(dir) => renderDeployConfig({ cacheDir: `${dir}/cache`, … })`.
 */
export async function startNginx(servers: (dir: string) => string, probeUrls: string[]): Promise<Nginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-bench-nginx-'));
  const main = [
    // Run as root, nginx would hand its workers to "nobody", who cannot write the temporary folder.
    process.getuid?.() === 0 ? 'user root;' : '',
    'worker_processes auto;',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    'events { worker_connections 4096; }',
    'http {',
    '  access_log off;',
    '  default_type application/octet-stream;',
    '  sendfile on;',
    '  keepalive_requests 100000;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `  ${name}_temp_path ${dir}/${name}_temp;`),
    servers(dir),
    '}',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'nginx.conf'), main);
  const args = ['-p', `${dir}/`, '-c', `${dir}/nginx.conf`, '-e', `${dir}/error.log`];
  try {
    execFileSync(NGINX, [...args, '-t'], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(
      `nginx -t refused the bench configuration (${dir}/nginx.conf):\n${(error as { stderr?: Buffer }).stderr}`,
    );
  }
  const child: ChildProcess = spawn(NGINX, [...args, '-g', 'daemon off;'], { stdio: 'ignore' });
  for (const url of probeUrls) await waitUntilAnswers(url, { child, what: `nginx (see ${dir}/error.log)`, seconds: 5 });
  return {
    dir,
    stop: async () => {
      await stopProcess(child, 'SIGQUIT');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
