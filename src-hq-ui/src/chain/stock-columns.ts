import type { ColDef } from 'ag-grid-community';
import type { ChainExpiringDto, ChainStockDto } from '../../../src-shared/hq-api/methods/chain';
import type { Locale, MessageKey } from '../../../src-shared/i18n';
import { formatQty } from '../../../src-shared/quantity';
import { amount } from '../../../src-renderer/src/lib/money';

export type StockRow = ChainStockDto['items'][number];
export type StoreCol = ChainStockDto['stores'][number];
export type LotRow = ChainExpiringDto['lots'][number];
type T = (key: MessageKey, params?: Record<string, string | number>) => string;

const num = <R>(col: ColDef<R>, kind: 'qty' | 'money'): ColDef<R> => ({
  width: 110,
  type: 'rightAligned',
  filter: false,
  valueFormatter: (p) =>
    p.value === null || p.value === undefined
      ? ''
      : kind === 'qty'
        ? formatQty(p.value as number)
        : amount(p.value as number),
  ...col,
});

/** Item columns in the user's language, shared by both grids. */
function itemColumns<
  R extends { code: string; nameZh: string; nameEn: string; categoryZh: string; categoryEn: string; baseUnit: string },
>(t: T, locale: Locale): ColDef<R>[] {
  const zh = locale === 'zh-CN';
  return [
    { field: 'code' as never, headerName: t('chain.f.code'), width: 100, pinned: 'left' },
    {
      colId: 'name',
      headerName: t('chain.f.name'),
      flex: 1,
      minWidth: 130,
      valueGetter: (p) => p.data && (zh ? p.data.nameZh : p.data.nameEn),
    },
    {
      colId: 'category',
      headerName: t('chain.f.category'),
      width: 100,
      valueGetter: (p) => p.data && (zh ? p.data.categoryZh : p.data.categoryEn),
    },
    { field: 'baseUnit' as never, headerName: t('chain.f.unit'), width: 60 },
  ];
}

/** Chain totals per item, then each picked store's quantity and value side by side. */
export function stockColumns(t: T, locale: Locale, stores: StoreCol[], withCells: boolean): ColDef<StockRow>[] {
  const cols: ColDef<StockRow>[] = [
    ...itemColumns<StockRow>(t, locale),
    {
      field: 'holding',
      headerName: t('chain.stock.holding'),
      width: 90,
      type: 'rightAligned',
      filter: 'agNumberColumnFilter',
    },
    num({ field: 'qty', headerName: t('chain.stock.qty') }, 'qty'),
    num({ field: 'value', headerName: t('chain.stock.value'), width: 120 }, 'money'),
  ];
  if (!withCells) return cols;
  stores.forEach((s, i) => {
    const cell = (r: StockRow | undefined) => r?.cells.find((c) => c[0] === i);
    cols.push(
      num(
        {
          colId: `q-${s.id}`,
          headerName: t('chain.stock.storeQty', { store: s.code }),
          valueGetter: (p) => cell(p.data)?.[1] ?? null,
        },
        'qty',
      ),
      num(
        {
          colId: `v-${s.id}`,
          headerName: t('chain.stock.storeValue', { store: s.code }),
          valueGetter: (p) => cell(p.data)?.[2] ?? null,
        },
        'money',
      ),
    );
  });
  return cols;
}

/** One item in every store: the store, its quantity and value. */
export interface ItemStoreRow {
  id: string;
  code: string;
  name: string;
  qty: number;
  value: number;
}

export function itemStoreColumns(t: T): ColDef<ItemStoreRow>[] {
  return [
    { field: 'code', headerName: t('chain.f.store'), width: 100 },
    { field: 'name', headerName: t('chain.f.storeName'), flex: 1 },
    num({ field: 'qty', headerName: t('chain.exp.qty') }, 'qty'),
    num({ field: 'value', headerName: t('chain.exp.value'), width: 120 }, 'money'),
  ];
}

export function lotColumns(t: T, locale: Locale): ColDef<LotRow>[] {
  return [
    { field: 'storeCode', headerName: t('chain.f.store'), width: 90, pinned: 'left' },
    ...itemColumns<LotRow>(t, locale),
    { field: 'areaCode', headerName: t('chain.exp.area'), width: 70 },
    { field: 'lot', headerName: t('chain.exp.lot'), width: 90 },
    { field: 'expiry', headerName: t('chain.exp.expiry'), width: 105 },
    {
      field: 'daysLeft',
      headerName: t('chain.exp.daysLeft'),
      width: 90,
      type: 'rightAligned',
      filter: 'agNumberColumnFilter',
      valueFormatter: (p) =>
        (p.value as number) < 0 ? `${p.value as number} (${t('chain.exp.expired')})` : String(p.value),
      cellClassRules: {
        'cell-danger': (p) => (p.value as number) < 0,
        'cell-warn': (p) => (p.value as number) >= 0 && (p.value as number) <= 2,
      },
    },
    num({ field: 'qty', headerName: t('chain.exp.qty') }, 'qty'),
    num({ field: 'value', headerName: t('chain.exp.value') }, 'money'),
  ];
}
