import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Launcher } from 'chrome-launcher';

const run = promisify(execFile);

export const lighthouseCategories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Scores = Record<(typeof lighthouseCategories)[number], number>;
/**
 * The two metrics that move the performance score here, total blocking time and largest contentful paint, and the
 * first paint and load event as the browser saw them before throttling was simulated (ms).
 */
export type LighthouseRun = {
  scores: Scores;
  failing: string[];
  benchmarkIndex: number;
  tbt: number;
  lcp: number;
  observedFirstPaint: number;
  observedLoad: number;
};

/**
 * Chromium's flags for a run: headless as in CI, and Lighthouse's own launcher defaults but one. Lighthouse 12.2.3
 * launches Chromium with RenderDocument turned off (chrome-launcher 1.2.1, for a Lighthouse bug of 2024), which
 * Chromium ships on. With it off, Chromium 156 here holds a page's first paint until a second or two after load:
 * a static page without a script painted at 1.2 – 2.3 s in every run with it off and at 0.3 – 0.4 s with it on
 * (load 0.2 – 0.4 s both ways). Lantern then counts everything that ran before that late paint as needed for it
 * (speed index 3.7 s against 1.2 s). Puppeteer dropped the same switch in 2026 (crbug.com/444150315). A second
 * --disable-features replaces the first, so this one repeats the rest of the launcher's list.
 */
export function lighthouseChromeFlags(): string[] {
  const disabled = Launcher.defaultFlags()
    .filter((flag) => flag.startsWith('--disable-features='))
    .flatMap((flag) => flag.slice('--disable-features='.length).split(','))
    .filter((feature) => feature !== 'RenderDocument');
  return [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    `--disable-features=${disabled.join(',')}`,
  ];
}

/**
 * The CPU slowdown that makes this host emulate the mid-tier phone Lighthouse's mobile profile aims at, from the
 * benchmarkIndex Lighthouse measured on it. Lighthouse's default of 4× assumes a high-end desktop (index about
 * 1,500); on a slower host 4× emulates a slower phone than intended, and its docs (docs/throttling.md,
 * "Calibrating the CPU slowdown") say to lower it. These are the piecewise-linear steps of the calculator those
 * docs link to: 150 → 1×, 800 → 2×, 1,300 → 3×, then one more × per 233 points (1,533 → 4×).
 */
export function calibratedCpuSlowdown(benchmarkIndex: number): number {
  if (benchmarkIndex >= 1300) return 3 + (benchmarkIndex - 1300) / 233;
  if (benchmarkIndex >= 800) return 2 + (benchmarkIndex - 800) / 500;
  return Math.max(1, 1 + (benchmarkIndex - 150) / 650);
}

/**
 * One Lighthouse run (the pinned devDependency's CLI, default mobile profile with simulated throttling) in the
 * system Chromium, with Lighthouse's default CPU slowdown unless one is given. Scores are 0–100; `failing` names
 * the audits that scored below 0.9, to say why a score is low.
 */
export async function lighthouse(url: string, cpuSlowdown?: number): Promise<LighthouseRun> {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-bench-lh-')), 'report.json');
  try {
    await run(
      'node_modules/.bin/lighthouse',
      [
        url,
        '--quiet',
        '--output=json',
        `--output-path=${out}`,
        `--only-categories=${lighthouseCategories.join(',')}`,
        `--chrome-flags=${lighthouseChromeFlags().join(' ')}`,
        ...(cpuSlowdown ? [`--throttling.cpuSlowdownMultiplier=${cpuSlowdown.toFixed(2)}`] : []),
      ],
      {
        env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
        maxBuffer: 1 << 24,
        timeout: 180_000,
      },
    );
    type Report = {
      categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
      audits: Record<
        string,
        {
          score: number | null;
          scoreDisplayMode: string;
          displayValue?: string;
          numericValue?: number;
          details?: { items?: Record<string, number>[] };
        }
      >;
      environment: { benchmarkIndex: number };
    };
    const report = JSON.parse(fs.readFileSync(out, 'utf8')) as Report;
    const scores = Object.fromEntries(
      lighthouseCategories.map((name) => [name, Math.round((report.categories[name]?.score ?? 0) * 100)]),
    ) as Scores;
    const failing = lighthouseCategories.flatMap((name) =>
      report.categories[name].auditRefs
        .filter((ref) => ref.weight > 0)
        .map((ref) => ({ id: ref.id, audit: report.audits[ref.id] }))
        .filter(({ audit }) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative')
        .map(({ id, audit }) => `${name}/${id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`),
    );
    const observed = report.audits.metrics.details?.items?.[0] ?? {};
    return {
      scores,
      failing,
      benchmarkIndex: report.environment.benchmarkIndex,
      tbt: report.audits['total-blocking-time'].numericValue ?? 0,
      lcp: report.audits['largest-contentful-paint'].numericValue ?? 0,
      observedFirstPaint: observed.observedFirstContentfulPaint ?? 0,
      observedLoad: observed.observedLoad ?? 0,
    };
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}
