import type { ColDef } from 'ag-grid-community';
import { Drawer } from 'antd';
import { useMemo, useState } from 'react';
import type { MethodOutput } from '../../../../src-shared/api';
import { formatQty } from '../../../../src-shared/quantity';
import { amount } from '../../lib/money';
import { useSession } from '../../app/session';
import { DataGrid } from '../../components/DataGrid';
import { formatStoreTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { PhotoButton, PhotoViewer } from '../../components/PhotoViewer';

type Move = MethodOutput<'stock.moves'>['rows'][number];

export interface WasteEntriesTarget {
  itemId: string;
  itemName: string;
  reason: string;
  reasonName: string;
}

/**
 * The waste entries behind one line of the waste report (an item and a reason
 * in the period): when, how much, who, and the photo where one was taken.
 * Reversals of those entries are listed too, as the report nets them.
 */
export function WasteEntries(props: {
  target: WasteEntriesTarget | null;
  from: string;
  to: string;
  areaId: string | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { session } = useSession();
  const tz = session.store?.timezone;
  const { target } = props;
  const [photoId, setPhotoId] = useState<string | null>(null);
  // Transfer variances are listed under a reason of their own (services/reports/waste.ts).
  const variance = target?.reason === 'kind:transfer_variance';
  // One page is plenty for one item and reason; the report itself has the totals.
  const q = useQuery(
    'stock.moves',
    {
      itemId: target?.itemId,
      kind: variance ? 'transfer_variance' : 'waste',
      from: props.from,
      to: props.to,
      areaId: props.areaId,
      limit: 500,
    },
    { enabled: !!target },
  );
  const rows = useMemo(() => {
    const all = q.data?.rows ?? [];
    const mine = new Set(all.filter((r) => variance || r.reason === target?.reason).map((r) => r.seq));
    return all.filter((r) => mine.has(r.seq) || (r.reversesSeq !== null && mine.has(r.reversesSeq)));
  }, [q.data, target, variance]);

  const columns = useMemo<ColDef<Move>[]>(
    () => [
      {
        colId: 'time',
        headerName: t('ops.col.time'),
        width: 150,
        valueGetter: (x) => x.data && formatStoreTime(x.data.occurredAt, tz),
      },
      { field: 'areaCode', headerName: t('ops.col.area'), width: 90 },
      { field: 'lot', headerName: t('ops.col.lot'), width: 90 },
      {
        colId: 'qty',
        headerName: t('ops.col.qty'),
        width: 110,
        type: 'rightAligned',
        valueGetter: (x) => x.data && `${formatQty(-x.data.qty)} ${x.data.baseUnit}`,
      },
      {
        colId: 'value',
        headerName: t('ops.col.value'),
        width: 100,
        type: 'rightAligned',
        valueGetter: (x) => x.data && amount(-x.data.value),
      },
      { field: 'username', headerName: t('ops.col.user'), width: 90 },
      { field: 'note', headerName: t('ops.col.note'), flex: 1, minWidth: 120 },
      {
        colId: 'photo',
        headerName: t('ops.col.photo'),
        width: 70,
        sortable: false,
        filter: false,
        valueGetter: (x) => (x.data?.photoId ? '✓' : ''),
        cellRenderer: (x: { data?: Move }) =>
          x.data?.photoId ? (
            <PhotoButton onOpen={() => setPhotoId(x.data!.photoId)} testId={`waste-photo-${x.data.seq}`} />
          ) : null,
      },
    ],
    [t, tz],
  );

  return (
    <Drawer
      open={!!target}
      onClose={props.onClose}
      size={860}
      title={target && t('reports.waste.detailTitle', { item: target.itemName, reason: target.reasonName })}
      destroyOnHidden
      data-testid="waste-entries"
    >
      <DataGrid<Move>
        gridId="report-waste-entries"
        rows={rows}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => String(r.seq)}
        exportName={`waste-entries-${props.from}-${props.to}`}
        height="calc(100vh - 140px)"
      />
      <PhotoViewer id={photoId} onClose={() => setPhotoId(null)} />
    </Drawer>
  );
}
