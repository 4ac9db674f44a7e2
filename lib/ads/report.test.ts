import { describe, expect, it } from 'vitest';
import { formatCtr, reportCsv, reportRange } from './report';

const now = new Date('2026-11-25T15:00:00Z');

describe('reportRange', () => {
  it('defaults to the last 30 days, today included', () => {
    expect(reportRange({}, now)).toEqual({ from: '2026-10-27', to: '2026-11-25' });
  });

  it('reads the query, puts a reversed range right and ignores what is not a date', () => {
    expect(reportRange({ from: '2026-11-01', to: '2026-11-03' }, now)).toEqual({
      from: '2026-11-01',
      to: '2026-11-03',
    });
    expect(reportRange({ from: '2026-11-03', to: '2026-11-01' }, now)).toEqual({
      from: '2026-11-01',
      to: '2026-11-03',
    });
    expect(reportRange({ from: "2026-11-01'; drop", to: '2026-13-45' }, now)).toEqual({
      from: '2026-10-27',
      to: '2026-11-25',
    });
  });

  it('covers at most a year', () => {
    expect(reportRange({ from: '2020-01-01', to: '2026-11-25' }, now)).toEqual({
      from: '2025-11-25',
      to: '2026-11-25',
    });
  });
});

describe('report figures', () => {
  it('gives CTR over viewable impressions, and a dash without any', () => {
    expect(formatCtr(3, 200)).toBe('1.50%');
    expect(formatCtr(1, 0)).toBe('–');
  });

  it('writes one CSV row per day and the totals', () => {
    const csv = reportCsv([
      { day: '2026-11-01', impressions: 100, servedImpressions: 4, clicks: 2 },
      { day: '2026-11-02', impressions: 0, servedImpressions: 0, clicks: 0 },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'date,impressions,served_without_javascript,clicks,ctr',
      '2026-11-01,100,4,2,2.00%',
      '2026-11-02,0,0,0,–',
      'total,100,4,2,2.00%',
      '',
    ]);
  });
});
