import type { ColDef } from 'ag-grid-community';
import type { ChainSummaryDto, ChainWasteDto } from '../../../src-shared/hq-api/methods/chain';
import { SUMMARY_COLUMNS } from '../../../src-shared/api/methods/reports';
import type { Locale, MessageKey } from '../../../src-shared/i18n';
import { formatQty } from '../../../src-shared/quantity';
import { amount } from '../../../src-renderer/src/lib/money';

export type StoreSummary = ChainSummaryDto['stores'][number];
export type ItemSummary = ChainSummaryDto['items'][number];
type T = (key: MessageKey, params?: Record<string, string | number>) => string;

const header = (c: (typeof SUMMARY_COLUMNS)[number]) => `chain.sum.${c}` as MessageKey;

const figure = <R>(field: string, headerName: string, kind: 'qty' | 'money'): ColDef<R> => ({
  colId: field,
  field: field as never,
  headerName,
  // Nine value columns beside the store fit a 1366 px screen at this width.
  width: kind === 'money' ? 102 : 100,
  type: 'rightAligned',
  filter: false,
  valueFormatter: (p) => (kind === 'qty' ? formatQty(p.value as number) : amount(p.value as number)),
  cellStyle: (p) => (p.node.rowPinned ? { fontWeight: 600 } : undefined),
});

/** One line per store, values only (quantities of different items do not add up), the chain's total pinned below. */
export function storeSummaryColumns(t: T): ColDef<StoreSummary>[] {
  return [
    { field: 'code', headerName: t('chain.f.store'), width: 95, pinned: 'left' },
    { field: 'name', headerName: t('chain.f.storeName'), width: 130 },
    ...SUMMARY_COLUMNS.map((c) => figure<StoreSummary>(`${c}Value`, t(header(c)), 'money')),
  ];
}

/** One line per item, quantity and value of each column, all the picked stores together. */
export function itemSummaryColumns(t: T, locale: Locale): ColDef<ItemSummary>[] {
  const zh = locale === 'zh-CN';
  return [
    { field: 'code', headerName: t('chain.f.code'), width: 100, pinned: 'left' },
    {
      colId: 'name',
      headerName: t('chain.f.name'),
      width: 140,
      valueGetter: (p) => p.data && (zh ? p.data.nameZh : p.data.nameEn),
    },
    { field: 'baseUnit', headerName: t('chain.f.unit'), width: 60 },
    ...SUMMARY_COLUMNS.flatMap((c) => [
      figure<ItemSummary>(`${c}Qty`, t('chain.sum.qtyOf', { col: t(header(c)) }), 'qty'),
      figure<ItemSummary>(`${c}Value`, t('chain.sum.valueOf', { col: t(header(c)) }), 'money'),
    ]),
  ];
}

export type ReasonRow = ChainWasteDto['reasons'][number] & { share: number };

export function reasonColumns(t: T, locale: Locale): ColDef<ReasonRow>[] {
  return [
    {
      colId: 'reason',
      headerName: t('chain.waste.reason'),
      flex: 1,
      valueGetter: (p) => p.data && (locale === 'zh-CN' ? p.data.nameZh : p.data.nameEn),
    },
    { field: 'moves', headerName: t('chain.waste.moves'), width: 90, type: 'rightAligned', filter: false },
    figure<ReasonRow>('value', t('chain.waste.value'), 'money'),
    {
      field: 'share',
      headerName: t('chain.waste.share'),
      width: 90,
      type: 'rightAligned',
      filter: false,
      valueFormatter: (p) => `${((p.value as number) / 100).toFixed(1)} %`,
    },
  ];
}

/** Stores down, reasons across: where each kind of loss happens. */
export type StoreReasonRow = { storeId: string; code: string; name: string; total: number } & Record<string, unknown>;

export function storeReasonColumns(t: T, locale: Locale, reasons: ChainWasteDto['reasons']): ColDef<StoreReasonRow>[] {
  return [
    { field: 'code', headerName: t('chain.f.store'), width: 95, pinned: 'left' },
    { field: 'name', headerName: t('chain.f.storeName'), width: 130 },
    ...reasons.map((r) => figure<StoreReasonRow>(`r:${r.reason}`, locale === 'zh-CN' ? r.nameZh : r.nameEn, 'money')),
    figure<StoreReasonRow>('total', t('chain.waste.value'), 'money'),
  ];
}
