import { describe, expect, it } from 'vitest';
import { Launcher } from 'chrome-launcher';
import { calibratedCpuSlowdown, lighthouseChromeFlags } from './lighthouse';

describe('calibratedCpuSlowdown', () => {
  it('gives the default 4× to the fast desktop Lighthouse assumes', () => {
    expect(calibratedCpuSlowdown(1533)).toBeCloseTo(4, 1);
  });

  it('follows the calculator’s steps between them', () => {
    expect(calibratedCpuSlowdown(800)).toBe(2);
    expect(calibratedCpuSlowdown(1050)).toBeCloseTo(2.5);
    expect(calibratedCpuSlowdown(1300)).toBe(3);
    expect(calibratedCpuSlowdown(2000)).toBeCloseTo(6, 0);
  });

  it('slows a host that is already as slow as a mid-tier phone by nothing more', () => {
    expect(calibratedCpuSlowdown(150)).toBe(1);
    expect(calibratedCpuSlowdown(60)).toBe(1);
  });
});

describe('lighthouseChromeFlags', () => {
  const disabledIn = (flags: string[]) =>
    flags.filter((flag) => flag.startsWith('--disable-features=')).flatMap((flag) => flag.split('=')[1].split(','));

  it('keeps every feature the launcher turns off but RenderDocument, in the one --disable-features Chromium reads', () => {
    const flags = lighthouseChromeFlags();
    expect(flags.filter((flag) => flag.startsWith('--disable-features='))).toHaveLength(1);
    expect(disabledIn(Launcher.defaultFlags())).toContain('RenderDocument');
    expect(disabledIn(flags)).toEqual(
      disabledIn(Launcher.defaultFlags()).filter((feature) => feature !== 'RenderDocument'),
    );
  });

  it('runs headless without a sandbox or GPU, as CI does', () => {
    expect(lighthouseChromeFlags()).toEqual(
      expect.arrayContaining(['--headless=new', '--no-sandbox', '--disable-gpu']),
    );
  });
});
