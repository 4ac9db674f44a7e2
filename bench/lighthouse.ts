import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const lighthouseCategories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Scores = Record<(typeof lighthouseCategories)[number], number>;
/** The two metrics that move the performance score here: total blocking time and largest contentful paint, ms. */
export type LighthouseRun = { scores: Scores; failing: string[]; benchmarkIndex: number; tbt: number; lcp: number };

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
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking',
        ...(cpuSlowdown ? [`--throttling.cpuSlowdownMultiplier=${cpuSlowdown.toFixed(2)}`] : []),
      ],
      { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, maxBuffer: 1 << 24, timeout: 180_000 },
    );
    type Report = {
      categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
      audits: Record<string, { score: number | null; scoreDisplayMode: string; displayValue?: string; numericValue?: number }>;
      environment: { benchmarkIndex: number };
    };
    const report = JSON.parse(fs.readFileSync(out, 'utf8')) as Report;
    const scores = Object.fromEntries(lighthouseCategories.map((name) => [name, Math.round((report.categories[name]?.score ?? 0) * 100)])) as Scores;
    const failing = lighthouseCategories.flatMap((name) =>
      report.categories[name].auditRefs
        .filter((ref) => ref.weight > 0)
        .map((ref) => ({ id: ref.id, audit: report.audits[ref.id] }))
        .filter(({ audit }) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative')
        .map(({ id, audit }) => `${name}/${id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`),
    );
    return {
      scores,
      failing,
      benchmarkIndex: report.environment.benchmarkIndex,
      tbt: report.audits['total-blocking-time'].numericValue ?? 0,
      lcp: report.audits['largest-contentful-paint'].numericValue ?? 0,
    };
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}
