/**
 * The business day ('YYYY-MM-DD') of an instant in the store's time zone.
 * Reports group by it. Intl is slow per call, so the zone offset is cached per
 * hour; offsets only change on hour boundaries in every real zone.
 */
export function dayKeyer(timeZone: string): (ms: number) => string {
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
      offsets.set(hour, off);
    }
    return off;
  };
  return (ms) => new Date(ms + offsetAt(ms)).toISOString().slice(0, 10);
}

/** The UTC instant at which a store-local day starts (for "as of date" queries). */
export function dayStart(day: string, timeZone: string): number {
  const guess = Date.parse(`${day}T00:00:00Z`);
  const key = dayKeyer(timeZone);
  // Walk from the UTC midnight guess to the first instant whose local day is `day`.
  let t = guess - 14 * 3600_000;
  while (key(t) < day) t += 3600_000;
  while (t - 60_000 >= guess - 15 * 3600_000 && key(t - 60_000) === day) t -= 60_000;
  return t;
}
