import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Link } from 'react-router';
import type { ChainDashboardDto } from '../../../src-shared/hq-api/methods/chain';
import type { Locale, MessageKey } from '../../../src-shared/i18n';
import { amount } from '../../../src-renderer/src/lib/money';
import { hqTime } from '../lib/time';
import { regionName } from '../regions/region-name';

export type DashboardStore = ChainDashboardDto['stores'][number] & { rank: number };
type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Basis points as a percentage with two decimals ('12.34 %'); no consumption shows a dash. */
export const percent = (bp: number | null, dash: string) => (bp === null ? dash : `${(bp / 100).toFixed(2)} %`);

const money = (field: keyof DashboardStore, header: string, width = 110): ColDef<DashboardStore> => ({
  field,
  headerName: header,
  width,
  type: 'rightAligned',
  filter: false,
  valueFormatter: (p) => amount(p.value as number),
});

/** The dashboard's store ranking: waste first, then stock, repairs and sync health. */
export function dashboardColumns(t: T, locale: Locale): ColDef<DashboardStore>[] {
  return [
    { field: 'rank', headerName: t('chain.dash.rank'), width: 70, type: 'rightAligned', filter: false },
    {
      field: 'code',
      headerName: t('chain.f.store'),
      width: 95,
      pinned: 'left',
      cellRenderer: (p: ICellRendererParams<DashboardStore>) =>
        p.data && (
          <Link to={`/stores/${p.data.id}`} data-testid={`chain-store-${p.data.code}`}>
            {p.data.code}
          </Link>
        ),
    },
    { field: 'name', headerName: t('chain.f.storeName'), flex: 1, minWidth: 110 },
    {
      colId: 'region',
      headerName: t('chain.f.region'),
      width: 75,
      valueGetter: (p) => (p.data?.region ? regionName(p.data.region, locale) : ''),
    },
    {
      field: 'wasteBp',
      headerName: t('chain.dash.wastePct'),
      headerTooltip: t('chain.dash.wastePctHelp'),
      width: 95,
      type: 'rightAligned',
      filter: 'agNumberColumnFilter',
      valueFormatter: (p) => percent(p.value as number | null, t('chain.dash.noUsage')),
      cellClassRules: { 'cell-warn': (p) => (p.value as number | null) !== null && (p.value as number) >= 500 },
    },
    money('wasteValue', t('chain.dash.waste'), 100),
    money('usageValue', t('chain.dash.usage')),
    money('stockValue', t('chain.dash.stockValue'), 120),
    {
      field: 'overdueRepairs',
      headerName: t('chain.dash.overdue'),
      headerTooltip: t('chain.dash.overdueHelp'),
      width: 90,
      wrapHeaderText: true,
      autoHeaderHeight: true,
      type: 'rightAligned',
      filter: 'agNumberColumnFilter',
      cellClassRules: { 'cell-danger': (p) => (p.value as number) > 0 },
    },
    {
      field: 'openRepairs',
      headerName: t('chain.dash.open'),
      width: 90,
      wrapHeaderText: true,
      autoHeaderHeight: true,
      type: 'rightAligned',
      filter: 'agNumberColumnFilter',
    },
    {
      field: 'lastContactAt',
      headerName: t('chain.dash.lastContact'),
      width: 140,
      valueFormatter: (p) => (p.value ? hqTime(p.value as string) : t('chain.dash.never')),
    },
    {
      field: 'backlog',
      headerName: t('chain.dash.backlog'),
      width: 85,
      type: 'rightAligned',
      filter: 'agNumberColumnFilter',
      cellClassRules: { 'cell-warn': (p) => (p.value as number) > 0 },
    },
  ];
}
