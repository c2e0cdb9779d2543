import { ThunderboltOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { App, Button, Segmented, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { MethodOutput } from '../../../../../src-shared/api';
import { useSession } from '../../../app/session';
import { DataGrid } from '../../../components/DataGrid';
import { call } from '../../../lib/api';
import { showApiError } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/query';
import { meterText, WORKERS } from '../repair-format';
import { StatusTag } from '../RepairTags';

type Row = MethodOutput<'pm.schedule'>[number];
type Cell = ICellRendererParams<Row>;

const STATUS_COLOR: Record<Row['status'], string> = { scheduled: 'default', open: 'blue', overdue: 'red' };
const STATUS_RANK: Record<Row['status'], number> = { overdue: 0, open: 1, scheduled: 2 };

/** The next service per plan and unit; overdue ones first and in red. Generating what is due is one button. */
export function ScheduleTab() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const { can } = useSession();
  const q = useQuery('pm.schedule', {});
  const [only, setOnly] = useState<'all' | 'overdue'>('all');
  const [busy, setBusy] = useState(false);
  const rows = useMemo(
    () =>
      (q.data ?? [])
        .filter((r) => only === 'all' || r.status === 'overdue')
        .sort(
          (a, b) =>
            STATUS_RANK[a.status] - STATUS_RANK[b.status] || (a.dueDay ?? '9999').localeCompare(b.dueDay ?? '9999'),
        ),
    [q.data, only],
  );
  const overdue = (q.data ?? []).filter((r) => r.status === 'overdue').length;

  const columns = useMemo<ColDef<Row>[]>(
    () => [
      {
        colId: 'status',
        headerName: t('repairs.f.status'),
        width: 100,
        valueGetter: (x) => x.data && t(`repairs.pm.${x.data.status}`),
        cellRenderer: (p: Cell) => p.data && <Tag color={STATUS_COLOR[p.data.status]}>{p.value as string}</Tag>,
      },
      {
        field: 'dueDay',
        headerName: t('repairs.pm.dueDay'),
        width: 110,
        cellDataType: 'text',
        cellStyle: (p) => (p.data?.status === 'overdue' ? { color: '#cf1322', fontWeight: 600 } : undefined),
      },
      { field: 'planName', headerName: t('repairs.pm.name'), width: 220 },
      {
        colId: 'equipment',
        headerName: t('repairs.f.equipment'),
        width: 240,
        valueGetter: (x) => x.data && `${x.data.equipmentCode} ${x.data.equipmentName}`,
        cellRenderer: (p: Cell) => p.data && <Link to={`/equipment/${p.data.equipmentId}`}>{p.value as string}</Link>,
      },
      {
        colId: 'interval',
        headerName: t('repairs.pm.intervalKind'),
        width: 110,
        valueGetter: (x) => x.data && t(`repairs.pm.kind.${x.data.intervalKind}`),
      },
      {
        colId: 'dueMeter',
        headerName: t('repairs.pm.dueMeter'),
        width: 130,
        type: 'rightAligned',
        valueGetter: (x) => x.data?.dueMeter ?? null,
        valueFormatter: (x) => meterText(x.value as number | null),
      },
      {
        colId: 'lastReading',
        headerName: t('repairs.pm.lastReading'),
        width: 130,
        type: 'rightAligned',
        valueGetter: (x) => x.data?.lastReading ?? null,
        valueFormatter: (x) => meterText(x.value as number | null),
      },
      {
        colId: 'workOrder',
        headerName: t('repairs.f.number'),
        width: 210,
        valueGetter: (x) => x.data?.workOrderNumber ?? '',
        cellRenderer: (p: Cell) =>
          p.data?.workOrderId && (
            <span>
              <Link to={`/repairs/work-orders/${p.data.workOrderId}`}>{p.data.workOrderNumber}</Link>{' '}
              {p.data.workOrderStatus && <StatusTag status={p.data.workOrderStatus} />}
            </span>
          ),
      },
      { field: 'lastDoneDay', headerName: t('repairs.pm.lastDone'), width: 110, cellDataType: 'text' },
    ],
    [t],
  );

  const generate = async () => {
    setBusy(true);
    try {
      const out = await call('pm.generateDue', {});
      if (out.created) {
        modal.info({
          title: t('repairs.pm.generate'),
          content: t('repairs.pm.generated', { n: out.created, numbers: out.numbers.join(', ') }),
        });
      } else void message.info(t('repairs.pm.nothingDue'));
    } catch (err) {
      showApiError(err, message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <DataGrid<Row>
      gridId="pm-schedule"
      rows={rows}
      loading={q.loading}
      columns={columns}
      getRowId={(r) => `${r.planId}:${r.equipmentId}`}
      exportName="pm-schedule"
      height="calc(100vh - 250px)"
      toolbar={
        <>
          <Segmented
            value={only}
            onChange={(v) => setOnly(v as 'all' | 'overdue')}
            options={[
              { value: 'all', label: t('repairs.pm.all') },
              { value: 'overdue', label: t('repairs.pm.onlyOverdue', { n: overdue }) },
            ]}
            data-testid="pm-overdue-filter"
          />
          {can(WORKERS) && (
            <Button
              icon={<ThunderboltOutlined />}
              loading={busy}
              onClick={() => void generate()}
              data-testid="pm-generate"
            >
              {t('repairs.pm.generate')}
            </Button>
          )}
        </>
      }
    />
  );
}
