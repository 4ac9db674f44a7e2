import { describe, expect, it } from 'vitest';
import {
  formatDateHeader,
  formatMonth,
  isValidTimeZone,
  localDayKey,
  localYearMonth,
  monthRange,
  yearRange,
} from './dates';

describe('dates in the site time zone', () => {
  it('writes date headers like the classic news blog', () => {
    expect(formatDateHeader(new Date('2015-09-27T12:00:00Z'), 'UTC')).toBe('Sunday, September 27, 2015');
  });

  it('puts a late-evening post on the local day, not the UTC day', () => {
    const lateInNewYork = new Date('2015-09-28T02:30:00Z');
    expect(formatDateHeader(lateInNewYork, 'America/New_York')).toBe('Sunday, September 27, 2015');
    expect(localDayKey(lateInNewYork, 'America/New_York')).toBe('2015-09-27');
    expect(localDayKey(lateInNewYork, 'UTC')).toBe('2015-09-28');
  });

  it('finds the local month of an instant', () => {
    expect(localYearMonth(new Date('2016-01-01T03:00:00Z'), 'America/Los_Angeles')).toEqual({ year: 2015, month: 12 });
    expect(formatMonth({ year: 2015, month: 12 })).toBe('December 2015');
  });

  it('gives month ranges in the zone, across year ends and DST', () => {
    expect(monthRange({ year: 2015, month: 12 }, 'UTC')).toEqual({
      from: new Date('2015-12-01T00:00:00Z'),
      to: new Date('2016-01-01T00:00:00Z'),
    });
    // London is on BST (UTC+1) on 1 October and on GMT on 1 November.
    expect(monthRange({ year: 2015, month: 10 }, 'Europe/London')).toEqual({
      from: new Date('2015-09-30T23:00:00Z'),
      to: new Date('2015-11-01T00:00:00Z'),
    });
    expect(monthRange({ year: 2024, month: 3 }, 'Asia/Kolkata').from).toEqual(new Date('2024-02-29T18:30:00Z'));
  });

  it('gives a year range in the zone', () => {
    expect(yearRange(2015, 'UTC')).toEqual({
      from: new Date('2015-01-01T00:00:00Z'),
      to: new Date('2016-01-01T00:00:00Z'),
    });
    expect(yearRange(2015, 'America/New_York')).toEqual({
      from: new Date('2015-01-01T05:00:00Z'),
      to: new Date('2016-01-01T05:00:00Z'),
    });
  });

  it('knows a real time zone from a typo', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Europe/Pariss')).toBe(false);
  });
});
