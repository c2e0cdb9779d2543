import { ReloadOutlined } from '@ant-design/icons';
import type { ColDef } from 'ag-grid-community';
import { Button, Checkbox, Select, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { HqWoRowDto } from '../../../src-shared/hq-api/methods/repairs';
import { PRIORITIES } from '../../../src-shared/repairs/settings';
import { WO_STATES } from '../../../src-shared/repairs/workflow';
import { DataGrid } from '../../../src-renderer/src/components/DataGrid';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useQuery } from '../lib/query';
import { zonedTime } from '../lib/time';
import { WorkOrderDrawer } from './WorkOrderDrawer';
import { categoryName, PRIORITY_COLOR, STATUS_COLOR } from './wo-format';

const CATEGORIES = [
  'refrigeration',
  'cooking',
  'dishwashing',
  'ventilation',
  'hvac',
  'plumbing',
  'it',
  'scales',
  'general',
];

/** Every store's work orders in the user's scope, overdue first; a row opens the work order to work it. */
export function RepairsPage() {
  const { t } = useI18n();
  const [storeIds, setStoreIds] = useState<string[]>([]);
  const [status, setStatus] = useState<(typeof WO_STATES)[number][]>([]);
  const [priority, setPriority] = useState<(typeof PRIORITIES)[number] | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [closed, setClosed] = useState(false);
  // ?store=…&wo=… opens one work order: a link another page (or a colleague) can send.
  const [params] = useSearchParams();
  const [open, setOpen] = useState<{ storeId: string; workOrderId: string } | null>(() => {
    const storeId = params.get('store');
    const workOrderId = params.get('wo');
    return storeId && workOrderId ? { storeId, workOrderId } : null;
  });
  const stores = useQuery('stores.list', {});
  const q = useQuery('repairs.list', { storeIds, status, priority, category, overdue, openOnly: !closed });

  const columns = useMemo<ColDef<HqWoRowDto>[]>(
    () => [
      {
        field: 'number',
        headerName: t('hqRepairs.col.number'),
        width: 150,
        cellRenderer: (p: { data?: HqWoRowDto }) =>
          p.data ? (
            <Button
              type="link"
              size="small"
              style={{ padding: 0 }}
              onClick={() => setOpen({ storeId: p.data!.storeId, workOrderId: p.data!.id })}
              data-testid={`wo-open-${p.data.number}`}
            >
              {p.data.number}
            </Button>
          ) : null,
      },
      {
        colId: 'store',
        headerName: t('hqRepairs.col.store'),
        width: 170,
        valueGetter: (p) => (p.data ? `${p.data.storeCode} ${p.data.storeName}` : ''),
      },
      {
        colId: 'equipment',
        headerName: t('hqRepairs.col.equipment'),
        width: 190,
        valueGetter: (p) => (p.data ? `${p.data.equipmentCode} ${p.data.equipmentName}` : ''),
      },
      {
        colId: 'category',
        headerName: t('hqRepairs.col.category'),
        width: 110,
        valueGetter: (p) => (p.data ? categoryName(t, p.data.category) : ''),
      },
      {
        field: 'status',
        headerName: t('hqRepairs.col.status'),
        width: 130,
        valueFormatter: (p) => (p.value ? t(`repairs.status.${p.value as 'submitted'}`) : ''),
        cellRenderer: (p: { data?: HqWoRowDto; valueFormatted?: string | null }) =>
          p.data ? (
            <span>
              <Tag color={STATUS_COLOR[p.data.status]}>{p.valueFormatted}</Tag>
              {p.data.overdue && <Tag color="red">{t('hqRepairs.overdue')}</Tag>}
            </span>
          ) : null,
      },
      {
        field: 'priority',
        headerName: t('hqRepairs.col.priority'),
        width: 100,
        valueFormatter: (p) => (p.value ? t(`repairs.priority.${p.value as 'low'}`) : ''),
        cellRenderer: (p: { data?: HqWoRowDto; valueFormatted?: string | null }) =>
          p.data ? <Tag color={PRIORITY_COLOR[p.data.priority]}>{p.valueFormatted}</Tag> : null,
      },
      {
        field: 'reportedAt',
        headerName: t('hqRepairs.col.reported'),
        width: 140,
        valueFormatter: (p) => zonedTime(p.value as string, p.data?.timeZone ?? ''),
      },
      {
        field: 'resolutionDueAt',
        headerName: t('hqRepairs.col.due'),
        width: 140,
        valueFormatter: (p) => zonedTime(p.value as string | null, p.data?.timeZone ?? ''),
        cellClassRules: { 'cell-danger': (p) => !!p.data?.overdue },
      },
      {
        colId: 'assignee',
        headerName: t('hqRepairs.col.assignee'),
        width: 130,
        valueGetter: (p) => p.data?.assigneeName ?? p.data?.vendorName ?? '',
      },
    ],
    [t],
  );

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('hqRepairs.title')}
      </Typography.Title>
      <DataGrid<HqWoRowDto>
        gridId="hq-repairs"
        rows={q.data}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => `${r.storeId}/${r.id}`}
        exportName="work-orders"
        toolbar={
          <>
            <Select
              mode="multiple"
              allowClear
              style={{ minWidth: 180 }}
              placeholder={t('hqRepairs.filter.store')}
              value={storeIds}
              onChange={setStoreIds}
              options={(stores.data ?? []).map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
              optionFilterProp="label"
              data-testid="repairs-store"
            />
            <Select
              mode="multiple"
              allowClear
              style={{ minWidth: 140 }}
              placeholder={t('hqRepairs.filter.status')}
              value={status}
              onChange={setStatus}
              options={WO_STATES.map((s) => ({ value: s, label: t(`repairs.status.${s}`) }))}
            />
            <Select
              allowClear
              style={{ width: 110 }}
              placeholder={t('hqRepairs.filter.priority')}
              value={priority}
              onChange={(v) => setPriority(v ?? null)}
              options={PRIORITIES.map((p) => ({ value: p, label: t(`repairs.priority.${p}`) }))}
            />
            <Select
              allowClear
              style={{ width: 130 }}
              placeholder={t('hqRepairs.filter.category')}
              value={category}
              onChange={(v) => setCategory(v ?? null)}
              options={CATEGORIES.map((c) => ({ value: c, label: categoryName(t, c) }))}
            />
            <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)} data-testid="repairs-overdue">
              {t('hqRepairs.filter.overdue')}
            </Checkbox>
            <Checkbox checked={closed} onChange={(e) => setClosed(e.target.checked)} data-testid="repairs-closed">
              {t('hqRepairs.filter.closed')}
            </Checkbox>
            <Button icon={<ReloadOutlined />} onClick={() => void q.refetch()} aria-label={t('common.refresh')} />
          </>
        }
      />
      {open && <WorkOrderDrawer {...open} onClose={() => setOpen(null)} />}
    </div>
  );
}
