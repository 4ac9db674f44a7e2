import { describe, expect, it } from 'vitest';
import { groupByYear, sidebarArchive } from './archive';

const months = [
  { year: 2026, month: 11, count: 4 },
  { year: 2026, month: 2, count: 1 },
  { year: 2025, month: 12, count: 3 },
  { year: 2025, month: 1, count: 2 },
  { year: 2019, month: 6, count: 7 },
];

describe('the archive by year', () => {
  it('groups months under their years with totals, newest first', () => {
    expect(groupByYear(months)).toEqual([
      { year: 2026, count: 5, months: months.slice(0, 2) },
      { year: 2025, count: 5, months: months.slice(2, 4) },
      { year: 2019, count: 7, months: months.slice(4) },
    ]);
  });

  it('shows the newest year’s months in the sidebar and older years alone, so its size does not grow with age', () => {
    const { newest, older } = sidebarArchive(months);
    expect(newest).toEqual({ year: 2026, count: 5, months: months.slice(0, 2) });
    expect(older).toEqual([
      { year: 2025, count: 5, months: [] },
      { year: 2019, count: 7, months: [] },
    ]);
  });

  it('is empty before anything is published', () => {
    expect(sidebarArchive([])).toEqual({ newest: null, older: [] });
  });
});
