import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Tag } from 'antd';
import { Link } from 'react-router';
import type { WorkOrderRow } from '../../../../../src-shared/api/methods/repairs-dto';
import { PRIORITY_RANK } from '../../../../../src-shared/repairs/settings';
import type { Locale } from '../../../../../src-shared/i18n';
import { formatStoreTime } from '../../../lib/format';
import type { useI18n } from '../../../lib/i18n';
import { categoryName, durationText, faultName } from '../repair-format';
import { clockLevel, clockText, ClockTag, mainClock, PriorityTag, StatusTag } from '../RepairTags';

type T = ReturnType<typeof useI18n>['t'];
type Cell = ICellRendererParams<WorkOrderRow>;

/** Sorts the SLA column by urgency: breached first (most over), then least time left; stopped clocks last. */
function slaSortKey(r: WorkOrderRow): number {
  const { clock } = mainClock(r);
  const level = clockLevel(clock);
  if (level === 'none' || level === 'met' || level === 'missed') return Number.MAX_SAFE_INTEGER;
  return clock.leftMinutes;
}

/** The work-order grid's columns (list, equipment history). */
export function woColumns(t: T, locale: Locale, tz: string | undefined, opts: { equipment?: boolean } = {}) {
  const cols: ColDef<WorkOrderRow>[] = [
    {
      field: 'number',
      headerName: t('repairs.f.number'),
      width: 140,
      pinned: 'left',
      cellRenderer: (p: Cell) =>
        p.data && (
          <Link to={`/repairs/work-orders/${p.data.id}`} data-testid={`wo-link-${p.data.number}`}>
            {p.data.number}
          </Link>
        ),
    },
    {
      colId: 'status',
      headerName: t('repairs.f.status'),
      width: 130,
      valueGetter: (x) => x.data && t(`repairs.status.${x.data.status}`),
      cellRenderer: (p: Cell) => p.data && <StatusTag status={p.data.status} waiting={p.data.waitingReason} />,
    },
    {
      colId: 'priority',
      headerName: t('repairs.f.priority'),
      width: 90,
      valueGetter: (x) => x.data && t(`repairs.priority.${x.data.priority}`),
      comparator: (_a, _b, na, nb) =>
        (na.data ? PRIORITY_RANK[na.data.priority] : 9) - (nb.data ? PRIORITY_RANK[nb.data.priority] : 9),
      cellRenderer: (p: Cell) => p.data && <PriorityTag priority={p.data.priority} />,
    },
    {
      colId: 'sla',
      headerName: t('repairs.f.sla'),
      width: 190,
      filter: false,
      valueGetter: (x) => (x.data ? slaSortKey(x.data) : null),
      valueFormatter: (x) => {
        if (!x.data) return '';
        const { kind, clock } = mainClock(x.data);
        return clockText(t, kind, clock);
      },
      cellRenderer: (p: Cell) => {
        if (!p.data) return null;
        const { kind, clock } = mainClock(p.data);
        return <ClockTag kind={kind} clock={clock} />;
      },
    },
    {
      colId: 'age',
      headerName: t('repairs.f.age'),
      width: 125,
      filter: false,
      valueGetter: (x) => x.data?.ageHours,
      valueFormatter: (x) =>
        x.value === undefined || x.value === null ? '' : durationText(t, (x.value as number) * 60),
    },
  ];
  if (!opts.equipment) {
    cols.push(
      {
        colId: 'equipment',
        headerName: t('repairs.f.equipment'),
        width: 230,
        valueGetter: (x) => x.data && `${x.data.equipmentCode} ${x.data.equipmentName}`,
      },
      { field: 'location', headerName: t('repairs.f.location'), width: 120 },
      {
        colId: 'category',
        headerName: t('repairs.f.category'),
        width: 100,
        valueGetter: (x) => x.data && categoryName(t, x.data.category),
      },
    );
  }
  cols.push(
    {
      colId: 'fault',
      headerName: t('repairs.f.fault'),
      width: 170,
      valueGetter: (x) =>
        x.data &&
        (x.data.kind === 'preventive' ? x.data.description || t('repairs.kind.preventive') : faultName(x.data, locale)),
      cellRenderer: (p: Cell) =>
        p.data && (
          <span>
            {p.data.kind === 'preventive' && <Tag color="geekblue">{t('repairs.kind.pmShort')}</Tag>}
            {p.data.down && <Tag color="red">{t('repairs.f.downShort')}</Tag>}
            {p.value as string}
          </span>
        ),
    },
    {
      colId: 'assignee',
      headerName: t('repairs.f.assignee'),
      width: 130,
      valueGetter: (x) => x.data && (x.data.assigneeName ?? x.data.vendorName ?? ''),
    },
    {
      colId: 'reportedAt',
      headerName: t('repairs.f.reportedAt'),
      width: 140,
      sort: opts.equipment ? 'desc' : undefined,
      valueGetter: (x) => x.data?.reportedAt,
      valueFormatter: (x) => formatStoreTime(x.value as string | undefined, tz),
    },
    { field: 'reportedBy', headerName: t('repairs.f.reportedBy'), width: 100 },
  );
  return cols;
}
