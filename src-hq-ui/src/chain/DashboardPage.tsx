import { Card, Col, Row, Space, Statistic, Tooltip, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { DataGrid } from '../../../src-renderer/src/components/DataGrid';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { amount, money } from '../../../src-renderer/src/lib/money';
import { useQuery } from '../lib/query';
import { MonthPicker, StorePicker } from './ChainFilters';
import { dashboardColumns, percent, type DashboardStore } from './dashboard-columns';
import { thisMonth } from './months';
import { wasteBasisPoints } from '../../../src-shared/waste-rate';

const EChart = lazy(() => import('./EChart'));
/** Bars the waste chart shows: the worst stores, which are the ones to look at. */
const CHART_STORES = 15;

/** The chain at a glance: stores ranked by waste %, stock value, repairs and sync health, with two charts. */
export function DashboardPage() {
  const { t, locale } = useI18n();
  const [month, setMonth] = useState(thisMonth);
  const [storeIds, setStoreIds] = useState<string[]>([]);
  const q = useQuery('chain.dashboard', { month, storeIds });
  const ranked = useMemo<DashboardStore[]>(() => {
    const list = [...(q.data?.stores ?? [])];
    list.sort((a, b) => (b.wasteBp ?? -1) - (a.wasteBp ?? -1) || (a.code < b.code ? -1 : 1));
    return list.map((s, i) => ({ ...s, rank: i + 1 }));
  }, [q.data]);
  const totals = useMemo(() => {
    const sum = (k: 'stockValue' | 'wasteValue' | 'usageValue' | 'overdueRepairs') =>
      ranked.reduce((a, s) => a + s[k], 0);
    const waste = sum('wasteValue');
    const usage = sum('usageValue');
    return { stock: sum('stockValue'), bp: wasteBasisPoints(waste, usage), overdue: sum('overdueRepairs') };
  }, [ranked]);
  const columns = useMemo(() => dashboardColumns(t, locale), [t, locale]);
  const wasteOption = useMemo(() => {
    const top = ranked.filter((s) => s.wasteBp !== null).slice(0, CHART_STORES);
    return {
      grid: { left: 48, right: 12, top: 12, bottom: 40 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v.toFixed(2)} %` },
      xAxis: { type: 'category', data: top.map((s) => s.code), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', axisLabel: { formatter: '{value} %' } },
      series: [{ type: 'bar', data: top.map((s) => (s.wasteBp ?? 0) / 100), itemStyle: { color: '#fa8c16' } }],
    };
  }, [ranked]);
  const trendOption = useMemo(
    () => ({
      grid: { left: 80, right: 16, top: 12, bottom: 28 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => amount(v * 10_000) },
      xAxis: { type: 'category', data: (q.data?.trend ?? []).map((p) => p.day.slice(5)) },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => amount(v * 10_000) } },
      series: [{ type: 'line', data: (q.data?.trend ?? []).map((p) => p.value / 10_000) }],
    }),
    [q.data],
  );

  return (
    <div>
      <Space wrap style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('chain.dash.title')}
        </Typography.Title>
        <Space wrap>
          <MonthPicker value={month} onChange={setMonth} />
          <StorePicker value={storeIds} onChange={setStoreIds} />
        </Space>
      </Space>
      <Row gutter={8} style={{ marginBottom: 8 }}>
        <Col span={6}>
          <Card size="small">
            <Statistic title={t('chain.dash.stockValue')} value={money(totals.stock)} data-testid="chain-kpi-stock" />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Tooltip title={t('chain.dash.wastePctHelp')}>
              <Statistic
                title={t('chain.dash.wastePct')}
                value={percent(totals.bp, t('chain.dash.noUsage'))}
                data-testid="chain-kpi-waste"
              />
            </Tooltip>
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title={t('chain.dash.overdue')} value={totals.overdue} data-testid="chain-kpi-overdue" />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title={t('chain.stores')} value={ranked.length} />
          </Card>
        </Col>
      </Row>
      <Row gutter={8} style={{ marginBottom: 8 }}>
        <Col span={12}>
          <Card size="small" title={t('chain.dash.wasteChart')}>
            <Suspense fallback={<div style={{ height: 180 }} />}>
              <EChart option={wasteOption} height={180} testId="chain-waste-chart" />
            </Suspense>
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title={t('chain.dash.trendChart')}>
            <Suspense fallback={<div style={{ height: 180 }} />}>
              <EChart option={trendOption} height={180} testId="chain-trend-chart" />
            </Suspense>
          </Card>
        </Col>
      </Row>
      <Typography.Text type="secondary">{t('chain.dash.hint')}</Typography.Text>
      <DataGrid<DashboardStore>
        gridId="hq-chain-dashboard"
        rows={ranked}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => r.id}
        exportName={`chain-${month}`}
        height={360}
      />
    </div>
  );
}
