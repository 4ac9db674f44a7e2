import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { stopProcess, waitUntilAnswers } from './load';

const dir = path.resolve('bench/fixtures/bare');
const nextBin = path.resolve('node_modules/.bin/next');

/** What goes into the bare app's page: the article's <body> content, without its scripts (their chunks are not there). */
export function bodyOf(html: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? html;
  return body.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
}

/**
 * The page as Next serves it, minus Next's client runtime: its script tags and script preloads, the Turbopack
 * bootstrap and the inline RSC payload. Our own inline scripts (the ads' impression beacon) stay; so do the
 * stylesheet, the images and every other tag: what a reader would get if the framework shipped no JavaScript.
 */
export function withoutFrameworkScripts(html: string): string {
  return html
    .replace(/<script\b[^>]*\bsrc="\/_next\/[^"]*"[^>]*><\/script>/g, '')
    .replace(/<script id="_R_">[\s\S]*?<\/script>/g, '')
    .replace(/<script>\(?self\.__next_f[\s\S]*?<\/script>/g, '')
    .replace(/<link\b[^>]*\bas="script"[^>]*\/?>/g, '');
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(nextBin, args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`next ${args.join(' ')} in ${dir} failed:\n${output}`)),
    );
  });
}

/**
 * The bare Next.js app of bench/fixtures/bare, with the repo's own `next`: writes the article's HTML into it,
 * builds it (`next build`) and serves it with `next start` on loopback. Resolves when it answers. `url` is its
 * static page; `dynamicUrl` the same page at a dynamic route, at the article's own path.
 */
export async function startBareNext(
  articleHtml: string,
  articlePath: string,
  port: number,
  /** Appended to the body: hidden text that brings the page to a given weight. */
  padding = '',
): Promise<{ url: string; dynamicUrl: string; stop: () => Promise<void> }> {
  fs.writeFileSync(path.join(dir, 'article.html'), bodyOf(articleHtml) + padding);
  fs.writeFileSync(path.join(dir, 'article-path.txt'), articlePath);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: '.next-bench',
  };
  // Webpack, not Turbopack: Turbopack takes the repository (its lockfile) as the bare app's root and compiled our
  // instrumentation.ts and proxy.ts into it, so the "bare" app ran Broadsheet's startup and failed without its
  // secrets. The server's per-request work, which is what the bench compares, does not depend on the bundler.
  await run(['build', '--webpack'], env);
  const server: ChildProcess = spawn(nextBin, ['start', '--hostname', '127.0.0.1', '--port', String(port)], {
    cwd: dir,
    env,
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/`;
  await waitUntilAnswers(url, { child: server, what: 'the bare Next.js app', status: 200 });
  return {
    url,
    dynamicUrl: new URL(articlePath, url).href,
    stop: () => stopProcess(server),
  };
}
