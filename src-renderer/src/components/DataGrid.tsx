import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import {
  AllCommunityModule,
  ModuleRegistry,
  themeQuartz,
  type ColDef,
  type GridApi,
  type GridReadyEvent,
  type GridState,
  type IDatasource,
  type ModelUpdatedEvent,
  type RowDoubleClickedEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Button, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n';
import { downloadText } from '../lib/download';
import type { ColumnFilterModel } from '../../../src-shared/grid/server-query';
import { rowsToCsv } from './grid-csv';
import { useGridHost } from './grid-host';

ModuleRegistry.registerModules([AllCommunityModule]);

/** Dense rows for a 1366x768 back-office screen; still finger-sized on a tablet. */
const theme = themeQuartz.withParams({
  fontSize: 13,
  rowHeight: 34,
  headerHeight: 36,
  spacing: 6,
  fontFamily: 'inherit',
  accentColor: '#1677ff',
});

/** A block request of a server-side grid: sorted and filtered in SQL (src-shared/grid/server-query.ts). */
export interface ServerBlockRequest {
  startRow: number;
  endRow: number;
  sort: { colId: string; sort: 'asc' | 'desc' }[];
  filters: Record<string, ColumnFilterModel>;
}

/** Rows that stay on the server: the grid asks for blocks of 100 as the user scrolls. */
export interface ServerRows<T> {
  fetch: (req: ServerBlockRequest) => Promise<{ rows: T[]; total: number }>;
  /** Methods whose invalidation makes the loaded blocks stale. */
  invalidatedBy: readonly string[];
  /** Changes when something outside the grid's own filters changes (e.g. a status selector). */
  key?: string;
}

const BLOCK = 100;
/** The largest block the server hands out (items.page); CSV export reads in blocks this size. */
const EXPORT_BLOCK = 1000;

export interface DataGridProps<T> {
  /** Stable id: the user's column state is saved under it. */
  gridId: string;
  /** Client-side rows; or `server` for lists too long to ship whole. */
  rows?: T[] | undefined;
  server?: ServerRows<T>;
  columns: ColDef<T>[];
  getRowId: (row: T) => string;
  loading?: boolean;
  /** File name (without extension) for CSV export. */
  exportName: string;
  toolbar?: ReactNode;
  onRowDoubleClicked?: (row: T) => void;
  height?: number | string;
  /** Rows pinned under the grid (totals); not sorted or filtered with the data. */
  pinnedBottomRowData?: T[];
}

/** The part of the grid state worth keeping per user: columns and sort, not scroll or focus. */
function columnState<T>(api: GridApi<T>) {
  const { columnOrder, columnSizing, columnVisibility, sort, columnPinning } = api.getState();
  return { columnOrder, columnSizing, columnVisibility, sort, columnPinning };
}

/**
 * The grid every list uses: sort, filter (floating filters), column state
 * saved per user on the server, CSV export (UTF-8 with BOM so Excel shows
 * Chinese), and the grid's own texts in the user's language.
 */
export function DataGrid<T>(props: DataGridProps<T>) {
  const { locale, t } = useI18n();
  const host = useGridHost();
  const apiRef = useRef<GridApi<T> | null>(null);
  const prefKey = `grid.${props.gridId}`;
  const [initialState, setInitialState] = useState<GridState | null | undefined>(undefined);
  const [count, setCount] = useState(0);
  const saveTimer = useRef<number | undefined>(undefined);
  const lastSaved = useRef<string>('');

  useEffect(() => {
    let alive = true;
    host
      .loadColumns(prefKey)
      .then((value) => alive && setInitialState((value as GridState | null) ?? null))
      .catch(() => alive && setInitialState(null));
    return () => {
      alive = false;
    };
  }, [prefKey, host]);

  const defaultColDef = useMemo<ColDef<T>>(
    () => ({ sortable: true, filter: true, floatingFilter: true, resizable: true, minWidth: 80 }),
    [],
  );

  const saveState = useCallback(() => {
    window.clearTimeout(saveTimer.current);
    saveTimer.current = window.setTimeout(() => {
      const api = apiRef.current;
      if (!api || api.isDestroyed()) return;
      const value = columnState(api);
      const json = JSON.stringify(value);
      // The event also fires on scroll and focus; only column changes are worth a write.
      if (json === lastSaved.current) return;
      lastSaved.current = json;
      // Losing a column width is not worth an error toast.
      void host.saveColumns(prefKey, value).catch(() => undefined);
    }, 600);
  }, [prefKey, host]);

  const server = props.server;
  const serverFetch = server?.fetch;
  const lastRequest = useRef<Omit<ServerBlockRequest, 'startRow' | 'endRow'>>({ sort: [], filters: {} });
  const datasource = useMemo<IDatasource | undefined>(
    () =>
      serverFetch && {
        getRows: (p) => {
          const req = {
            sort: p.sortModel.map((s) => ({ colId: s.colId, sort: s.sort })),
            filters: p.filterModel as Record<string, ColumnFilterModel>,
          };
          lastRequest.current = req;
          serverFetch({ ...req, startRow: p.startRow, endRow: p.endRow }).then(
            (r) => {
              setCount(r.total);
              p.successCallback(r.rows, r.total);
            },
            () => p.failCallback(),
          );
        },
      },
    // server.key: a new datasource makes the grid start over from the first block.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [serverFetch, server?.key],
  );
  const invalidatedBy = server?.invalidatedBy;
  useEffect(
    () => (invalidatedBy ? host.onInvalidate(invalidatedBy, () => apiRef.current?.refreshInfiniteCache()) : undefined),
    [invalidatedBy, host],
  );

  const exportCsv = useCallback(async () => {
    const api = apiRef.current;
    if (!api) return;
    let csv: string | undefined;
    if (serverFetch) {
      // The grid holds only the blocks on screen: read every matching row, in the grid's order.
      const rows: T[] = [];
      for (let start = 0; ; start += EXPORT_BLOCK) {
        const r = await serverFetch({ ...lastRequest.current, startRow: start, endRow: start + EXPORT_BLOCK });
        rows.push(...r.rows);
        if (rows.length >= r.total || r.rows.length === 0) break;
      }
      csv = rowsToCsv(api, rows);
    } else {
      csv = api.getDataAsCsv({ fileName: props.exportName });
    }
    if (csv !== undefined) downloadText(`${props.exportName}.csv`, '\uFEFF' + csv, 'text/csv;charset=utf-8');
  }, [props.exportName, serverFetch]);

  const resetColumns = useCallback(() => {
    apiRef.current?.resetColumnState();
    apiRef.current?.setFilterModel(null);
    if (apiRef.current) lastSaved.current = JSON.stringify(columnState(apiRef.current));
    void host.saveColumns(prefKey, null).catch(() => undefined);
  }, [prefKey, host]);

  useEffect(() => () => window.clearTimeout(saveTimer.current), []);

  const onGridReady = useCallback((e: GridReadyEvent<T>) => {
    apiRef.current = e.api;
    lastSaved.current = JSON.stringify(columnState(e.api)); // what we started from needs no write
  }, []);

  // From the event's own api: the model can update before onGridReady has run.
  const countRows = useCallback(
    (e: ModelUpdatedEvent<T>) => !serverFetch && setCount(e.api.getDisplayedRowCount()),
    [serverFetch],
  );
  const onDouble = props.onRowDoubleClicked;

  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        height: props.height ?? 'calc(100vh - 190px)',
        minHeight: 300,
      }}
    >
      <Space style={{ marginBottom: 8, justifyContent: 'space-between', width: '100%' }} wrap>
        <Space wrap>{props.toolbar}</Space>
        <Space>
          <Typography.Text type="secondary" data-testid={`${props.gridId}-count`}>
            {t('common.rows', { count })}
          </Typography.Text>
          <Button onClick={resetColumns}>{t('common.resetColumns')}</Button>
          <Button onClick={() => void exportCsv()} data-testid={`${props.gridId}-export`}>
            {t('common.exportCsv')}
          </Button>
        </Space>
      </Space>
      <div style={{ flex: 1 }} data-testid={`${props.gridId}-grid`}>
        {initialState !== undefined && (
          <AgGridReact<T>
            key={locale /* the grid reads localeText only when created */}
            theme={theme}
            {...(datasource
              ? { rowModelType: 'infinite' as const, datasource, cacheBlockSize: BLOCK, maxBlocksInCache: 50 }
              : { rowData: props.rows })}
            pinnedBottomRowData={props.pinnedBottomRowData}
            columnDefs={props.columns}
            defaultColDef={defaultColDef}
            getRowId={(p) => props.getRowId(p.data)}
            loading={props.loading}
            localeText={locale === 'zh-CN' ? AG_GRID_LOCALE_CN : undefined}
            initialState={initialState ?? undefined}
            onGridReady={onGridReady}
            onStateUpdated={saveState}
            onModelUpdated={countRows}
            onRowDoubleClicked={onDouble ? (e: RowDoubleClickedEvent<T>) => e.data && onDouble(e.data) : undefined}
            enableCellTextSelection
            animateRows={false}
          />
        )}
      </div>
    </div>
  );
}
