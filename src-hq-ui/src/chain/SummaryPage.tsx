import { Empty, Space, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { DataGrid } from '../../../src-renderer/src/components/DataGrid';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { moneySymbol } from '../../../src-renderer/src/lib/money';
import { useQuery } from '../lib/query';
import { MonthPicker, StorePicker } from './ChainFilters';
import { thisMonth } from './months';
import {
  itemSummaryColumns,
  reasonColumns,
  storeReasonColumns,
  storeSummaryColumns,
  type ItemSummary,
  type ReasonRow,
  type StoreReasonRow,
  type StoreSummary,
} from './summary-columns';

type Tab = 'stores' | 'items' | 'waste';

/** The stores' period summaries (进销存) for a month side by side with the chain's total, by item, and waste by reason. */
export function SummaryPage() {
  const { t } = useI18n();
  const [month, setMonth] = useState(thisMonth);
  const [storeIds, setStoreIds] = useState<string[]>([]);
  const [tab, setTab] = useState<Tab>('stores');
  return (
    <div>
      <Space wrap style={{ marginBottom: 4, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('chain.sum.title')}
        </Typography.Title>
        <Space wrap>
          <MonthPicker value={month} onChange={setMonth} />
          <StorePicker value={storeIds} onChange={setStoreIds} />
        </Space>
      </Space>
      <Typography.Text type="secondary">{t('chain.sum.valuesNote', { currency: moneySymbol() })}</Typography.Text>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as Tab)}
        destroyOnHidden
        items={[
          { key: 'stores', label: t('chain.sum.tabStores'), children: <ByStore month={month} storeIds={storeIds} /> },
          { key: 'items', label: t('chain.sum.tabItems'), children: <ByItem month={month} storeIds={storeIds} /> },
          { key: 'waste', label: t('chain.sum.tabWaste'), children: <Waste month={month} storeIds={storeIds} /> },
        ]}
      />
    </div>
  );
}

interface ViewProps {
  month: string;
  storeIds: string[];
}

function ByStore({ month, storeIds }: ViewProps) {
  const { t } = useI18n();
  const q = useQuery('chain.summary', { month, storeIds });
  const columns = useMemo(() => storeSummaryColumns(t), [t]);
  const total = useMemo<StoreSummary[]>(
    () =>
      q.data
        ? [{ ...q.data.total, id: 'total', code: t('chain.total'), name: '', region: '', regionEn: '', timezone: '' }]
        : [],
    [q.data, t],
  );
  return (
    <DataGrid<StoreSummary>
      gridId="hq-chain-summary-stores"
      rows={q.data?.stores}
      loading={q.loading}
      columns={columns}
      getRowId={(r) => r.id}
      exportName={`chain-summary-${month}`}
      pinnedBottomRowData={total}
    />
  );
}

function ByItem({ month, storeIds }: ViewProps) {
  const { t, locale } = useI18n();
  const q = useQuery('chain.summary', { month, storeIds, items: true });
  const columns = useMemo(() => itemSummaryColumns(t, locale), [t, locale]);
  return (
    <DataGrid<ItemSummary>
      gridId="hq-chain-summary-items"
      rows={q.data?.items}
      loading={q.loading}
      columns={columns}
      getRowId={(r) => r.itemId}
      exportName={`chain-summary-items-${month}`}
    />
  );
}

function Waste({ month, storeIds }: ViewProps) {
  const { t, locale } = useI18n();
  const q = useQuery('chain.waste', { month, storeIds });
  const stores = useQuery('stores.list', {});
  const reasons = useMemo<ReasonRow[]>(() => {
    const list = q.data?.reasons ?? [];
    const all = list.reduce((a, r) => a + r.value, 0);
    return list.map((r) => ({ ...r, share: all ? Math.round((r.value * 10_000) / all) : 0 }));
  }, [q.data]);
  const matrix = useMemo<StoreReasonRow[]>(() => {
    const byId = new Map((stores.data ?? []).map((s) => [s.id, s]));
    const rows = new Map<string, StoreReasonRow>();
    for (const c of q.data?.cells ?? []) {
      let r = rows.get(c.storeId);
      const s = byId.get(c.storeId);
      if (!r)
        rows.set(c.storeId, (r = { storeId: c.storeId, code: s?.code ?? c.storeId, name: s?.name ?? '', total: 0 }));
      r[`r:${c.reason}`] = c.value;
      r.total += c.value;
    }
    return [...rows.values()].sort((a, b) => b.total - a.total);
  }, [q.data, stores.data]);
  const reasonCols = useMemo(() => reasonColumns(t, locale), [t, locale]);
  const matrixCols = useMemo(() => storeReasonColumns(t, locale, q.data?.reasons ?? []), [t, locale, q.data]);
  if (q.data && reasons.length === 0) return <Empty description={t('chain.waste.none')} />;
  return (
    <>
      <DataGrid<ReasonRow>
        gridId="hq-chain-waste-reasons"
        rows={reasons}
        loading={q.loading}
        columns={reasonCols}
        getRowId={(r) => r.reason}
        exportName={`chain-waste-${month}`}
        height={220}
      />
      <Typography.Title level={5}>{t('chain.waste.byStore')}</Typography.Title>
      <DataGrid<StoreReasonRow>
        gridId="hq-chain-waste-stores"
        rows={matrix}
        loading={q.loading}
        columns={matrixCols}
        getRowId={(r) => r.storeId}
        exportName={`chain-waste-stores-${month}`}
        height={300}
      />
    </>
  );
}
