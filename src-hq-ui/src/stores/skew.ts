import type { MessageKey } from '../../../src-shared/i18n';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * How far a store PC's clock is from HQ's, as a person says it ("1 h 2 min
 * behind HQ"): the figure someone phones the store about. Under a minute it
 * is plain signed seconds: nothing to phone about.
 */
export function skewText(t: T, ms: number): string {
  if (Math.abs(ms) < 60_000) return t('hq.store.seconds', { n: Math.round(ms / 1000) });
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const d =
    minutes >= 60
      ? t('hq.duration.hmin', { h: Math.floor(minutes / 60), m: minutes % 60 })
      : t('hq.duration.min', { m: minutes });
  return t(ms > 0 ? 'hq.store.skewAhead' : 'hq.store.skewBehind', { d });
}
