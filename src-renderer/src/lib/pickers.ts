import type { MethodOutput } from '../../../src-shared/api';
import type { Locale } from '../../../src-shared/i18n';
import { formatQty, formatScaled, QTY_SCALE } from '../../../src-shared/quantity';
import { useQuery } from './query';

export type Pickers = MethodOutput<'ops.pickers'>;
export type PickerItem = Pickers['items'][number];

export function usePickers() {
  return useQuery('ops.pickers', {});
}

/** The name in the user's language, the other one as a fallback. */
export function nameOf(r: { nameZh: string; nameEn: string }, locale: Locale): string {
  return (locale === 'zh-CN' ? r.nameZh : r.nameEn) || r.nameZh || r.nameEn;
}

export function qtyText(qty: number, unit: string): string {
  return `${formatQty(qty)} ${unit}`;
}

const LARGE_UNIT: Record<string, string> = { g: 'kg', ml: 'l' };

/** On-hand style: 17.5 kg rather than 17500 g once there is a whole kilogram (or litre); exact either way. */
export function qtyTextLarge(qty: number, unit: string): string {
  const large = LARGE_UNIT[unit];
  if (large && Math.abs(qty) >= 1000 * QTY_SCALE) return `${formatScaled(qty, 1000 * QTY_SCALE)} ${large}`;
  return qtyText(qty, unit);
}

export function itemOptions(items: PickerItem[] | undefined, locale: Locale) {
  return (items ?? []).map((i) => ({ value: i.id, label: `${i.code} ${nameOf(i, locale)}` }));
}

export function areaOptions(areas: Pickers['areas'] | undefined, locale: Locale) {
  return (areas ?? []).map((a) => ({ value: a.id, label: `${a.code} ${nameOf(a, locale)}` }));
}

/** Select's search matches code and names, whatever the label shows. */
export const filterByLabel = (input: string, option?: { label?: unknown }) =>
  String(option?.label ?? '')
    .toLowerCase()
    .includes(input.toLowerCase());
