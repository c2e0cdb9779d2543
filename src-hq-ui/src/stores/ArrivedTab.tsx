import type { ColDef } from 'ag-grid-community';
import { Col, Row, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { StoreDetailDto } from '../../../src-shared/hq-api/methods/stores';
import { DataGrid } from '../../../src-renderer/src/components/DataGrid';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { zonedTime } from '../lib/time';
import { tableLabel } from './table-label';

type Counted = StoreDetailDto['tables'][number] & { label: string };
type WireRow = StoreDetailDto['recent'][number]['rows'][number];

/** Rows HQ holds of each table the store has sent, and the newest rows of the one picked, as they arrived. */
export function ArrivedTab({ detail }: { detail: StoreDetailDto }) {
  const { t } = useI18n();
  const withRows = detail.recent.map((r) => r.table);
  const [picked, setPicked] = useState<string | null>(null);
  const table = picked && withRows.includes(picked) ? picked : (withRows[0] ?? null);
  const counted = useMemo<Counted[]>(
    // Only what arrived: two dozen tables of zeros would bury the few that count.
    () => detail.tables.filter((x) => x.rows > 0).map((x) => ({ ...x, label: tableLabel(t, x.table) })),
    [detail.tables, t],
  );
  const countColumns = useMemo<ColDef<Counted>[]>(
    () => [
      { field: 'label', headerName: t('hq.store.f.table'), flex: 1, minWidth: 120 },
      { field: 'table', headerName: t('hq.store.f.tableName'), width: 150 },
      {
        field: 'rows',
        headerName: t('hq.store.f.rows'),
        width: 90,
        type: 'rightAligned',
        filter: 'agNumberColumnFilter',
        sort: 'desc',
        cellClassRules: { 'cell-muted': (p) => p.value === 0 },
      },
    ],
    [t],
  );
  const rows = detail.recent.find((r) => r.table === table)?.rows ?? [];

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={9}>
        <DataGrid<Counted>
          gridId="hq-store-tables"
          rows={counted}
          columns={countColumns}
          getRowId={(r) => r.table}
          exportName={`${detail.store.code}-tables`}
          onRowDoubleClicked={(r) => r.rows > 0 && setPicked(r.table)}
          height={420}
        />
      </Col>
      <Col xs={24} xl={15}>
        {table === null ? (
          <Typography.Text type="secondary" data-testid="nothing-arrived">
            {t('hq.store.nothingArrived')}
          </Typography.Text>
        ) : (
          <RecentRows
            key={table}
            table={table}
            rows={rows}
            storeCode={detail.store.code}
            zone={detail.store.timeZone}
            picker={
              <Select
                value={table}
                onChange={setPicked}
                options={withRows.map((name) => ({ value: name, label: tableLabel(t, name) }))}
                style={{ minWidth: 200 }}
                data-testid="recent-table"
              />
            }
          />
        )}
      </Col>
    </Row>
  );
}

/** A store's times (`*_at`, ms since the epoch on the wire) on the store's clock; everything else as it arrived. */
function cellValue(name: string, value: unknown, zone: string): unknown {
  if (name.endsWith('_at') && typeof value === 'number') return zonedTime(new Date(value).toISOString(), zone);
  return value ?? null;
}

function RecentRows(props: {
  table: string;
  rows: WireRow[];
  storeCode: string;
  zone: string;
  picker: React.ReactNode;
}) {
  const { t } = useI18n();
  const columns = useMemo<ColDef<WireRow>[]>(() => {
    const names = [...new Set(props.rows.flatMap((r) => Object.keys(r)))];
    // The key first: it is what a person quotes to the store.
    names.sort((a, b) => Number(b === 'id') - Number(a === 'id'));
    return names.map((name) => ({
      colId: name,
      headerName: name,
      valueGetter: (p) => cellValue(name, p.data?.[name], props.zone),
      minWidth: 90,
      width: name === 'id' ? 300 : name.endsWith('_at') ? 200 : 140,
    }));
  }, [props.rows, props.zone]);
  return (
    <DataGrid<WireRow>
      gridId={`hq-recent-${props.table}`}
      rows={props.rows}
      columns={columns}
      getRowId={(r) => String(r.id ?? JSON.stringify(r))}
      exportName={`${props.storeCode}-${props.table}`}
      toolbar={
        <>
          <Typography.Text strong>{t('hq.store.newest')}</Typography.Text>
          {props.picker}
        </>
      }
      height={420}
    />
  );
}
