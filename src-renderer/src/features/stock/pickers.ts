import type { MethodOutput } from '../../../../src-shared/api';
import type { Locale } from '../../../../src-shared/i18n';
import { formatQty } from '../../../../src-shared/quantity';
import { useQuery } from '../../lib/query';

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
