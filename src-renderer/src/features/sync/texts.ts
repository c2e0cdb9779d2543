import type { MethodOutput } from '../../../../src-shared/api';
import type { MessageKey } from '../../../../src-shared/i18n/locales';
import { hasMessage } from '../../lib/catalog';

type Status = MethodOutput<'sync.status'>;
type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** "1 h 02 min" / "3 min": how far this PC's clock is off, in words both languages read. */
export function offsetText(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min`;
}

/** The clock message, shown when this PC and HQ disagree by more than two minutes. */
export function clockMessage(s: Status, t: T): string | null {
  const off = s.clockOffsetMs;
  if (off === null || Math.abs(off) <= 2 * 60_000) return null;
  // The offset is HQ's clock minus this PC's: positive means this PC is behind.
  return t(off > 0 ? 'sync.clock.behind' : 'sync.clock.ahead', { offset: offsetText(off) });
}

/** What went wrong last, in the user's words (HQ's own English words are shown separately). */
export function problemMessage(s: Status, t: T): string | null {
  if (s.refusal && (s.state === 'stopped' || s.state === 'retrying')) {
    const key = `sync.refusal.${s.refusal.code}`;
    return hasMessage(key) ? t(key) : t('sync.refusal.other', { code: s.refusal.code });
  }
  if (s.lastError && s.state === 'offline') return t('sync.problem.offline', { detail: s.lastError.message });
  if (s.lastError && s.state === 'retrying') return t('sync.problem.error', { detail: s.lastError.message });
  return null;
}

export const STATE_COLOR: Record<Status['state'], string> = {
  'not-enrolled': 'default',
  idle: 'success',
  syncing: 'processing',
  offline: 'warning',
  retrying: 'warning',
  stopped: 'error',
  waiting: 'default',
};
