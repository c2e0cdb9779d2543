import { Alert, Modal, Segmented, Space, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { EXPIRING_LIMIT, STOCK_COLUMNS } from '../../../src-shared/hq-api/methods/chain';
import { DataGrid } from '../../../src-renderer/src/components/DataGrid';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useQuery } from '../lib/query';
import { CategoryPicker, StorePicker } from './ChainFilters';
import {
  itemStoreColumns,
  lotColumns,
  stockColumns,
  type ItemStoreRow,
  type LotRow,
  type StockRow,
} from './stock-columns';

const WINDOWS = [3, 7, 14, 30] as const;

/** Stock on hand across stores (chain totals, picked stores side by side) and lots expiring across stores. */
export function StockPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState<'stock' | 'expiring'>('stock');
  const [storeIds, setStoreIds] = useState<string[]>([]);
  const [category, setCategory] = useState<string | null>(null);
  return (
    <div>
      <Space wrap style={{ marginBottom: 4, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('chain.stock.title')}
        </Typography.Title>
        <Space wrap>
          <StorePicker value={storeIds} onChange={setStoreIds} />
          <Categories value={category} onChange={setCategory} />
        </Space>
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as 'stock' | 'expiring')}
        items={[
          {
            key: 'stock',
            label: t('chain.stock.tabStock'),
            children: <OnHand storeIds={storeIds} category={category} />,
          },
          {
            key: 'expiring',
            label: t('chain.stock.tabExpiring'),
            children: <Expiring storeIds={storeIds} category={category} />,
          },
        ]}
      />
    </div>
  );
}

/** Categories as HQ's catalogue names them, from the chain's whole stock (cached: the stock tab reads the same). */
function Categories({ value, onChange }: { value: string | null; onChange: (c: string | null) => void }) {
  const { locale } = useI18n();
  const all = useQuery('chain.stock', { storeIds: [] });
  const categories = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of all.data?.items ?? []) {
      if (r.category && !seen.has(r.category)) seen.set(r.category, locale === 'zh-CN' ? r.categoryZh : r.categoryEn);
    }
    return [...seen].map(([code, name]) => ({ code, name })).sort((a, b) => (a.code < b.code ? -1 : 1));
  }, [all.data, locale]);
  return <CategoryPicker value={value} onChange={onChange} categories={categories} />;
}

function OnHand({ storeIds, category }: { storeIds: string[]; category: string | null }) {
  const { t, locale } = useI18n();
  const q = useQuery('chain.stock', { storeIds, category });
  const [item, setItem] = useState<StockRow | null>(null);
  const sideBySide = storeIds.length > 0 && storeIds.length <= STOCK_COLUMNS;
  const columns = useMemo(
    () => stockColumns(t, locale, q.data?.stores ?? [], sideBySide),
    [t, locale, q.data, sideBySide],
  );
  return (
    <>
      {storeIds.length > STOCK_COLUMNS ? (
        <Alert type="warning" showIcon title={t('chain.stock.tooMany', { n: STOCK_COLUMNS })} />
      ) : (
        <Typography.Text type="secondary">{t('chain.stock.pickHint', { n: STOCK_COLUMNS })}</Typography.Text>
      )}
      <DataGrid<StockRow>
        gridId={sideBySide ? 'hq-chain-stock-stores' : 'hq-chain-stock'}
        rows={q.data?.items}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => r.itemId}
        exportName="chain-stock"
        onRowDoubleClicked={setItem}
      />
      <ItemInStores item={item} storeIds={storeIds} onClose={() => setItem(null)} />
    </>
  );
}

/** One item's stock in every store (or the picked ones). */
function ItemInStores({ item, storeIds, onClose }: { item: StockRow | null; storeIds: string[]; onClose: () => void }) {
  const { t, locale } = useI18n();
  const q = useQuery('chain.stock', { storeIds, itemId: item?.itemId ?? null }, { enabled: !!item });
  const rows = useMemo<ItemStoreRow[]>(() => {
    const d = q.data;
    if (!d || !item) return [];
    return (d.items[0]?.cells ?? []).map(([i, qty, value]) => ({
      id: d.stores[i]!.id,
      code: d.stores[i]!.code,
      name: d.stores[i]!.name,
      qty,
      value,
    }));
  }, [q.data, item]);
  const columns = useMemo(() => itemStoreColumns(t), [t]);
  const name = item ? `${item.code} ${locale === 'zh-CN' ? item.nameZh : item.nameEn}` : '';
  return (
    <Modal
      open={!!item}
      onCancel={onClose}
      footer={null}
      width={640}
      title={t('chain.stock.itemTitle', { item: name })}
    >
      <DataGrid<ItemStoreRow>
        gridId="hq-chain-item-stores"
        rows={rows}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => r.id}
        exportName="chain-item-stores"
        height={360}
      />
    </Modal>
  );
}

function Expiring({ storeIds, category }: { storeIds: string[]; category: string | null }) {
  const { t, locale } = useI18n();
  const [days, setDays] = useState<number>(7);
  const q = useQuery('chain.expiring', { storeIds, category, days });
  const columns = useMemo(() => lotColumns(t, locale), [t, locale]);
  const total = q.data?.total ?? 0;
  return (
    <>
      <Space style={{ marginBottom: 4 }}>
        <span>{t('chain.exp.window')}</span>
        <Segmented<number>
          value={days}
          onChange={setDays}
          options={WINDOWS.map((n) => ({ value: n, label: t('chain.exp.days', { n }) }))}
          data-testid="chain-exp-window"
        />
      </Space>
      {total > EXPIRING_LIMIT && (
        <Alert type="info" showIcon title={t('chain.exp.more', { shown: EXPIRING_LIMIT, total })} />
      )}
      <DataGrid<LotRow>
        gridId="hq-chain-expiring"
        rows={q.data?.lots}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => `${r.storeId}|${r.itemId}|${r.areaCode}|${r.lot}`}
        exportName="chain-expiring"
      />
    </>
  );
}
