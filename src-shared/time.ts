/**
 * The one set of day and time helpers. Business days are 'YYYY-MM-DD' and
 * months 'YYYY-MM' in the store's time zone; as text their order is time
 * order, and day arithmetic on them needs no zone (a day is a calendar date).
 */

/** `YYYY-MM-DD HH:mm` of an instant in a time zone (the store's), for messages and grids. */
export function formatLocalTime(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

export function toIso(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString();
}

const DAY_MS = 86_400_000;
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayText = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The calendar day `n` days after `day` (both 'YYYY-MM-DD'; days, not instants, so no zone is involved). */
export const addDays = (day: string, n: number): string => dayText(dayMs(day) + n * DAY_MS);

/** Whole days from `from` to `to` ('YYYY-MM-DD'; negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((dayMs(to) - dayMs(from)) / DAY_MS);

/** The month `n` months after `month` (both 'YYYY-MM'). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return dayText(Date.UTC(y, m - 1 + n, 1)).slice(0, 7);
}

export const monthOf = (day: string): string => day.slice(0, 7);
export const firstDay = (month: string): string => `${month}-01`;
export const lastDay = (month: string): string => addDays(firstDay(addMonths(month, 1)), -1);

const keyers = new Map<string, (ms: number) => string>();

/**
 * The business day ('YYYY-MM-DD') of an instant in a time zone, as a function
 * kept per zone: building an Intl formatter costs far more than using one,
 * and Intl is slow per call too, so the zone's offset is cached per hour
 * (offsets change only on hour boundaries in every real zone).
 */
export function dayKeyer(timeZone: string): (ms: number) => string {
  let keyer = keyers.get(timeZone);
  if (!keyer) keyers.set(timeZone, (keyer = buildDayKeyer(timeZone)));
  return keyer;
}

function buildDayKeyer(timeZone: string): (ms: number) => string {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const offsets = new Map<number, number>();
  const offsetAt = (ms: number): number => {
    const hour = Math.floor(ms / 3600_000);
    let off = offsets.get(hour);
    if (off === undefined) {
      const p = Object.fromEntries(fmt.formatToParts(new Date(hour * 3600_000)).map((x) => [x.type, x.value]));
      const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
      off = local - hour * 3600_000;
      // A store reads a few years of hours at most; a generator walking decades must not grow this forever.
      if (offsets.size > 100_000) offsets.clear();
      offsets.set(hour, off);
    }
    return off;
  };
  return (ms) => dayText(ms + offsetAt(ms));
}

/** The UTC instant at which a business day starts in a time zone (for "as of date" queries). */
export function dayStart(day: string, timeZone: string): number {
  const guess = dayMs(day);
  const key = dayKeyer(timeZone);
  // Walk from the UTC midnight guess to the first instant whose local day is `day`.
  let t = guess - 14 * 3600_000;
  while (key(t) < day) t += 3600_000;
  while (t - 60_000 >= guess - 15 * 3600_000 && key(t - 60_000) === day) t -= 60_000;
  return t;
}
