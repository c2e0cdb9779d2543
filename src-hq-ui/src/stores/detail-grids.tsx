import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import type { StoreDetailDto } from '../../../src-shared/hq-api/methods/stores';
import { DataGrid } from '../../../src-renderer/src/components/DataGrid';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { zonedTime } from '../lib/time';
import { tableLabel } from './table-label';

type D = StoreDetailDto;
const HEIGHT = 420;

/** When HQ recorded it, newest first, on the store's clock like everything on its page. */
function useAtColumn<R extends { at: string }>(zone: string): ColDef<R> {
  const { t } = useI18n();
  return useMemo(
    () => ({
      colId: 'at',
      headerName: t('hq.store.f.at'),
      width: zone ? 200 : 150,
      valueGetter: (p) => zonedTime(p.data?.at, zone),
      sort: 'desc',
    }),
    [t, zone],
  );
}

/** Entries HQ could not take (each acknowledged so the queue moved on), with why. */
export function DeadLettersGrid({ rows, zone }: { rows: D['deadLetters']; zone: string }) {
  const { t } = useI18n();
  const at = useAtColumn<D['deadLetters'][number]>(zone);
  const columns = useMemo<ColDef<D['deadLetters'][number]>[]>(
    () => [
      at,
      { field: 'seq', headerName: t('hq.store.f.seq'), width: 100, filter: 'agNumberColumnFilter' },
      {
        colId: 'table',
        headerName: t('hq.store.f.table'),
        width: 150,
        valueGetter: (p) => p.data && tableLabel(t, p.data.table),
      },
      { field: 'reason', headerName: t('hq.store.f.reason'), flex: 1, minWidth: 240, cellClass: 'cell-danger' },
      { field: 'streamId', headerName: t('hq.store.f.stream'), width: 150 },
    ],
    [t, at],
  );
  return (
    <DataGrid
      gridId="hq-dead-letters"
      rows={rows}
      columns={columns}
      getRowId={(r) => `${r.streamId}:${r.seq}`}
      exportName="dead-letters"
      height={HEIGHT}
    />
  );
}

/** Entries dated in a month HQ had closed: kept like any other, listed for the accounts. */
export function LateEntriesGrid({ rows, zone }: { rows: D['lateEntries']; zone: string }) {
  const { t } = useI18n();
  const at = useAtColumn<D['lateEntries'][number]>(zone);
  const columns = useMemo<ColDef<D['lateEntries'][number]>[]>(
    () => [
      at,
      { field: 'month', headerName: t('hq.store.f.month'), width: 110 },
      {
        colId: 'table',
        headerName: t('hq.store.f.table'),
        width: 150,
        valueGetter: (p) => p.data && tableLabel(t, p.data.table),
      },
      { field: 'rowKey', headerName: t('hq.store.f.rowKey'), flex: 1, minWidth: 240 },
      { field: 'seq', headerName: t('hq.store.f.seq'), width: 100, filter: 'agNumberColumnFilter' },
    ],
    [t, at],
  );
  return (
    <DataGrid
      gridId="hq-late-entries"
      rows={rows}
      columns={columns}
      getRowId={(r) => `${r.seq}:${r.table}:${r.rowKey}`}
      exportName="late-entries"
      height={HEIGHT}
    />
  );
}

/** Where the audit chain the store presents differs from what HQ recorded earlier. */
export function AuditMismatchesGrid({ rows, zone }: { rows: D['auditMismatches']; zone: string }) {
  const { t } = useI18n();
  const at = useAtColumn<D['auditMismatches'][number]>(zone);
  const columns = useMemo<ColDef<D['auditMismatches'][number]>[]>(
    () => [
      at,
      { field: 'seq', headerName: t('hq.store.f.auditSeq'), width: 120, filter: 'agNumberColumnFilter' },
      { field: 'recordedHash', headerName: t('hq.store.f.recordedHash'), flex: 1, minWidth: 200 },
      {
        field: 'presentedHash',
        headerName: t('hq.store.f.presentedHash'),
        flex: 1,
        minWidth: 200,
        cellClass: 'cell-danger',
      },
    ],
    [t, at],
  );
  return (
    <DataGrid
      gridId="hq-audit-mismatches"
      rows={rows}
      columns={columns}
      getRowId={(r) => `${r.seq}:${r.at}`}
      exportName="audit-mismatches"
      height={HEIGHT}
    />
  );
}

/** The store's outbox streams and how far HQ has acknowledged each. */
export function StreamsGrid({ rows, zone }: { rows: D['streams']; zone: string }) {
  const { t } = useI18n();
  const columns = useMemo<ColDef<D['streams'][number]>[]>(
    () => [
      { field: 'streamId', headerName: t('hq.store.f.stream'), flex: 1, minWidth: 240 },
      {
        field: 'ackSeq',
        headerName: t('hq.store.f.ackSeq'),
        width: 140,
        type: 'rightAligned',
        filter: 'agNumberColumnFilter',
      },
      {
        colId: 'updatedAt',
        headerName: t('hq.store.f.updatedAt'),
        width: 200,
        valueGetter: (p) => zonedTime(p.data?.updatedAt, zone),
      },
    ],
    [t, zone],
  );
  return (
    <DataGrid
      gridId="hq-streams"
      rows={rows}
      columns={columns}
      getRowId={(r) => r.streamId}
      exportName="streams"
      height={HEIGHT}
    />
  );
}
