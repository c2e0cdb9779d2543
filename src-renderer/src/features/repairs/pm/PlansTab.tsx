import { PlusOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Button, Checkbox, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useSession } from '../../../app/session';
import { DataGrid } from '../../../components/DataGrid';
import { editColumn } from '../edit-column';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/query';
import { categoryName, EDITORS, meterText } from '../repair-format';
import { PriorityTag } from '../RepairTags';
import { PlanModal, type Plan } from './PlanModal';

type Cell = ICellRendererParams<Plan>;

/** Preventive plans: what is serviced, how often, by whom, with which checklist. */
export function PlansTab() {
  const { t } = useI18n();
  const { can } = useSession();
  const [inactive, setInactive] = useState(false);
  const q = useQuery('pm.plans', { includeInactive: inactive });
  const [editing, setEditing] = useState<{ plan: Plan | null } | null>(null);
  const canEdit = can(EDITORS);

  const columns = useMemo<ColDef<Plan>[]>(
    () => [
      { field: 'name', headerName: t('repairs.pm.name'), width: 240, pinned: 'left' },
      {
        colId: 'target',
        headerName: t('repairs.pm.target'),
        width: 230,
        valueGetter: (x) =>
          x.data &&
          (x.data.equipmentId
            ? `${x.data.equipmentCode} ${x.data.equipmentName}`
            : `${categoryName(t, x.data.category)} (${t('repairs.pm.units', { n: x.data.equipmentCount })})`),
      },
      {
        colId: 'interval',
        headerName: t('repairs.pm.interval'),
        width: 140,
        valueGetter: (x) => x.data && t(`repairs.interval.${x.data.intervalKind}`, { n: x.data.interval }),
      },
      {
        colId: 'lead',
        headerName: t('repairs.pm.lead'),
        width: 110,
        valueGetter: (x) =>
          x.data &&
          (x.data.intervalKind === 'meter'
            ? meterText(x.data.leadMeter)
            : t('repairs.pm.leadDaysValue', { n: x.data.leadDays })),
      },
      { field: 'startDay', headerName: t('repairs.pm.startDay'), width: 110, cellDataType: 'text' },
      {
        colId: 'priority',
        headerName: t('repairs.f.priority'),
        width: 90,
        valueGetter: (x) => x.data && t(`repairs.priority.${x.data.priority}`),
        cellRenderer: (p: Cell) => p.data && <PriorityTag priority={p.data.priority} />,
      },
      {
        colId: 'assignee',
        headerName: t('repairs.f.assignee'),
        width: 140,
        valueGetter: (x) => x.data && (x.data.assigneeName ?? x.data.vendorName ?? ''),
      },
      {
        colId: 'checklist',
        headerName: t('repairs.pm.checklist'),
        width: 90,
        valueGetter: (x) => x.data?.checklist.length,
      },
      {
        colId: 'active',
        headerName: t('repairs.f.active'),
        width: 80,
        valueGetter: (x) => x.data && t(x.data.active ? 'common.yes' : 'common.no'),
        cellRenderer: (p: Cell) => (p.data && !p.data.active ? <Tag>{p.value as string}</Tag> : (p.value as string)),
      },
      editColumn<Plan>(t, { canEdit, onEdit: (plan) => setEditing({ plan }) }),
    ],
    [t, canEdit],
  );

  return (
    <>
      <DataGrid<Plan>
        gridId="pm-plans"
        rows={q.data}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => r.id}
        exportName="pm-plans"
        height="calc(100vh - 250px)"
        onRowDoubleClicked={canEdit ? (r) => setEditing({ plan: r }) : undefined}
        toolbar={
          <>
            <Checkbox checked={inactive} onChange={(e) => setInactive(e.target.checked)}>
              {t('repairs.filter.inactivePlans')}
            </Checkbox>
            {canEdit && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing({ plan: null })}
                data-testid="plan-add"
              >
                {t('repairs.pm.addPlan')}
              </Button>
            )}
          </>
        }
      />
      <PlanModal open={editing !== null} plan={editing?.plan ?? null} onClose={() => setEditing(null)} />
    </>
  );
}
