/** Dates as the site's readers see them: every calendar question is answered in the site's time zone. */

export type YearMonth = { year: number; month: number };

// Making an Intl.DateTimeFormat costs far more than using one (a page's archive widget and post dates made ~100 of
// them, about a third of the render time of a listing): one per set of options, kept. Only valid time zones reach
// here (settings are checked with isValidTimeZone), so the map stays as small as the number of zones in use.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', options);
    formatters.set(key, found);
  }
  return found;
}

/** "Sunday, September 27, 2015", the date header of the classic news blog. */
export function formatDateHeader(date: Date, timeZone: string): string {
  return formatter({ weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', timeZone }).format(date);
}

/** "September 2015" */
export function formatMonth({ year, month }: YearMonth): string {
  return formatter({ month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
}

/** "2015-09-27" in the time zone: the key that groups posts under one date header. */
export function localDayKey(date: Date, timeZone: string): string {
  const { year, month, day } = localParts(date, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function localYearMonth(date: Date, timeZone: string): YearMonth {
  const { year, month } = localParts(date, timeZone);
  return { year, month };
}

/** The instants [from, to) that make up a calendar month in the time zone. */
export function monthRange({ year, month }: YearMonth, timeZone: string): { from: Date; to: Date } {
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return { from: startOfLocalMonth({ year, month }, timeZone), to: startOfLocalMonth(next, timeZone) };
}

/** The instants [from, to) that make up a calendar year in the time zone. */
export function yearRange(year: number, timeZone: string): { from: Date; to: Date } {
  return {
    from: startOfLocalMonth({ year, month: 1 }, timeZone),
    to: startOfLocalMonth({ year: year + 1, month: 1 }, timeZone),
  };
}

function startOfLocalMonth({ year, month }: YearMonth, timeZone: string): Date {
  const wallClock = Date.UTC(year, month - 1, 1);
  // The zone's offset at the guessed instant; a second pass settles months that start inside a DST change.
  let instant = wallClock - offsetMs(new Date(wallClock), timeZone);
  instant = wallClock - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

function offsetMs(date: Date, timeZone: string): number {
  const p = localParts(date, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

function localParts(date: Date, timeZone: string) {
  const parts = formatter({
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
