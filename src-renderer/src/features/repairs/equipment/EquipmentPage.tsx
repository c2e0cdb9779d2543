import { PlusOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Button, Checkbox, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { EquipmentRow } from '../../../../../src-shared/api/methods/repairs-dto';
import { CRITICALITIES } from '../../../../../src-shared/repairs/settings';
import { useSession } from '../../../app/session';
import { DataGrid } from '../../../components/DataGrid';
import { HqOwnedNote } from '../../../components/HqOwnedNote';
import { formatStoreTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/query';
import { useHqOwned } from '../../../lib/use-hq-owned';
import { CategorySelect } from '../CategorySelect';
import { categoryName, CRITICALITY_COLOR, EDITORS, reportLink } from '../repair-format';
import { EquipmentModal } from './EquipmentModal';
import { QrLabelModal } from './QrLabelModal';

type Cell = ICellRendererParams<EquipmentRow>;

/** The equipment registry: what the store has, how critical, under warranty or not, open work orders. */
export function EquipmentPage() {
  const { t } = useI18n();
  const { session, can } = useSession();
  const navigate = useNavigate();
  const [category, setCategory] = useState('');
  const [inactive, setInactive] = useState(false);
  const q = useQuery('equipment.registry', { category: category || null, includeInactive: inactive });
  const [editing, setEditing] = useState<{ row: EquipmentRow | null } | null>(null);
  const [label, setLabel] = useState<EquipmentRow | null>(null);
  const canEdit = can(EDITORS);
  // Once enrolled, new equipment is registered at HQ; an edit here changes only the store's own fields.
  const hq = useHqOwned();
  const tz = session.store?.timezone;

  const columns = useMemo<ColDef<EquipmentRow>[]>(
    () => [
      {
        field: 'code',
        headerName: t('repairs.f.code'),
        width: 150,
        pinned: 'left',
        cellRenderer: (p: Cell) => p.data && <Link to={`/equipment/${p.data.id}`}>{p.data.code}</Link>,
      },
      { field: 'name', headerName: t('repairs.f.name'), width: 200 },
      {
        colId: 'category',
        headerName: t('repairs.f.category'),
        width: 110,
        valueGetter: (x) => x.data && categoryName(t, x.data.category),
      },
      { field: 'location', headerName: t('repairs.f.location'), width: 130 },
      {
        colId: 'criticality',
        headerName: t('repairs.f.criticality'),
        width: 100,
        valueGetter: (x) => x.data && t(`repairs.criticality.${x.data.criticality}`),
        comparator: (_a, _b, na, nb) =>
          CRITICALITIES.indexOf(na.data?.criticality ?? 'low') - CRITICALITIES.indexOf(nb.data?.criticality ?? 'low'),
        cellRenderer: (p: Cell) =>
          p.data && <Tag color={CRITICALITY_COLOR[p.data.criticality]}>{p.value as string}</Tag>,
      },
      { field: 'make', headerName: t('repairs.f.make'), width: 110 },
      { field: 'model', headerName: t('repairs.f.model'), width: 110 },
      { field: 'serialNo', headerName: t('repairs.f.serial'), width: 120 },
      { field: 'vendorName', headerName: t('repairs.f.serviceVendor'), width: 160 },
      {
        colId: 'warrantyEnd',
        headerName: t('repairs.f.warrantyEnd'),
        width: 120,
        valueGetter: (x) => x.data?.warrantyEnd ?? '',
        cellRenderer: (p: Cell) =>
          p.data?.warrantyEnd && (
            <span>
              {p.data.warrantyEnd}{' '}
              {p.data.underWarranty && <Tag color="green">{t('repairs.f.underWarrantyShort')}</Tag>}
            </span>
          ),
      },
      { field: 'openWorkOrders', headerName: t('repairs.f.openWos'), width: 100, filter: 'agNumberColumnFilter' },
      {
        colId: 'lastFailureAt',
        headerName: t('repairs.f.lastFailure'),
        width: 140,
        valueGetter: (x) => x.data?.lastFailureAt ?? '',
        valueFormatter: (x) => formatStoreTime(x.value as string, tz),
      },
      {
        colId: 'active',
        headerName: t('repairs.f.inService'),
        width: 90,
        valueGetter: (x) => x.data && t(x.data.active ? 'common.yes' : 'common.no'),
      },
      {
        colId: 'actions',
        headerName: t('common.actions'),
        width: 250,
        pinned: 'right',
        sortable: false,
        filter: false,
        cellRenderer: (p: Cell) =>
          p.data && (
            <Space size={4}>
              {canEdit && (
                <Button
                  size="small"
                  onClick={() => setEditing({ row: p.data! })}
                  data-testid={`equipment-edit-${p.data.code}`}
                >
                  {t('common.edit')}
                </Button>
              )}
              <Button size="small" onClick={() => setLabel(p.data!)} data-testid={`equipment-label-${p.data.code}`}>
                {t('repairs.qr.button')}
              </Button>
              {p.data.active && (
                <Button size="small" onClick={() => navigate(reportLink(p.data!.code))}>
                  {t('repairs.action.report')}
                </Button>
              )}
            </Space>
          ),
      },
    ],
    [t, tz, canEdit, navigate],
  );

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('repairs.equipment.title')}
      </Typography.Title>
      {hq !== null && <HqOwnedNote hq={hq} detail={t('sync.hqOwned.equipment')} />}
      <DataGrid<EquipmentRow>
        gridId="equipment-registry"
        rows={q.data}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => r.id}
        exportName="equipment"
        onRowDoubleClicked={(r) => navigate(`/equipment/${r.id}`)}
        toolbar={
          <>
            <CategorySelect value={category} onChange={setCategory} width={140} />
            <Checkbox checked={inactive} onChange={(e) => setInactive(e.target.checked)}>
              {t('repairs.filter.inactive')}
            </Checkbox>
            {canEdit && hq === null && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing({ row: null })}
                data-testid="equipment-add"
              >
                {t('repairs.equipment.add')}
              </Button>
            )}
          </>
        }
      />
      <EquipmentModal open={editing !== null} equipment={editing?.row ?? null} onClose={() => setEditing(null)} />
      <QrLabelModal equipment={label} onClose={() => setLabel(null)} />
    </div>
  );
}
