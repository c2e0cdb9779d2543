import type { Locale, MessageKey } from '../../../../src-shared/i18n/locales';
import { hasMessage } from '../../lib/catalog';
import type { Priority } from '../../../../src-shared/repairs/settings';
import type { WoState } from '../../../../src-shared/repairs/workflow';
import { formatScaled } from '../../../../src-shared/quantity';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Roles that work on work orders (the state machine's maintenance side). */
export const WORKERS = ['technician', 'manager', 'admin'] as const;
/** Who takes spare parts out of stock for a work order (clerks run the store room). */
export const PART_TAKERS = ['technician', 'clerk', 'manager', 'admin'] as const;
export const EDITORS = ['manager', 'admin'] as const;

export const STATUS_COLOR: Record<WoState, string> = {
  submitted: 'gold',
  triaged: 'orange',
  assigned: 'blue',
  in_progress: 'processing',
  waiting: 'purple',
  resolved: 'cyan',
  confirmed: 'green',
  closed: 'default',
  cancelled: 'default',
};

export const PRIORITY_COLOR: Record<Priority, string> = {
  urgent: 'red',
  high: 'volcano',
  normal: 'blue',
  low: 'default',
};

export const CRITICALITY_COLOR: Record<string, string> = {
  critical: 'red',
  high: 'volcano',
  medium: 'blue',
  low: 'default',
};

/** Category keys are the chain's vocabulary; known ones have names, a new one shows as typed. */
export function categoryName(t: T, key: string | null | undefined): string {
  if (!key) return '';
  const k = `repairs.category.${key}`;
  return hasMessage(k) ? t(k) : key;
}

/** The name in the user's language, the other one when it is missing. */
export function localName(r: { nameZh: string; nameEn: string }, locale: Locale): string {
  return (locale === 'zh-CN' ? r.nameZh : r.nameEn) || r.nameZh || r.nameEn;
}

export function faultName(r: { faultCode: string; faultNameZh: string; faultNameEn: string }, locale: Locale): string {
  if (!r.faultCode) return '';
  return localName({ nameZh: r.faultNameZh, nameEn: r.faultNameEn }, locale) || r.faultCode;
}

/** A duration for people: "2 d 3 h", "3 h 20 min", "45 min" (whole minutes in, sign ignored). */
export function durationText(t: T, minutes: number): string {
  const m = Math.abs(Math.round(minutes));
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const min = m % 60;
  if (d > 0)
    return h ? `${t('repairs.dur.d', { n: d })} ${t('repairs.dur.h', { n: h })}` : t('repairs.dur.d', { n: d });
  if (h > 0)
    return min ? `${t('repairs.dur.h', { n: h })} ${t('repairs.dur.min', { n: min })}` : t('repairs.dur.h', { n: h });
  return t('repairs.dur.min', { n: min });
}

/** Run hours kept in thousandths: "1 234.5 h" without losing digits. */
export function meterText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : `${formatScaled(value, 1000)} h`;
}

/** Basis points as a percentage with two decimals ("99.22 %"). */
export function percentText(bp: number | null | undefined): string {
  return bp === null || bp === undefined ? '' : `${(bp / 100).toFixed(2)} %`;
}

/** A list in running text: 、 between Chinese items, a comma in English. */
export function listText(items: readonly string[], locale: Locale): string {
  return items.join(locale === 'zh-CN' ? '、' : ', ');
}

/** Human size of a file. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Where a link to report a fault on one piece of equipment goes (what its QR would open). */
export function reportLink(code: string): string {
  return `/repairs/report/${encodeURIComponent(code)}`;
}
