import type { ColDef } from 'ag-grid-community';
import { Alert, App, Button, DatePicker, Form, Input, Select, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MethodInput, MethodOutput } from '../../../../src-shared/api';
import { amount } from '../../lib/money';
import { MOVE_KIND_NAMES } from '../../../../src-shared/stock-kinds';
import { useSession } from '../../app/session';
import { DataGrid } from '../../components/DataGrid';
import { FormModal } from '../../components/FormModal';
import { call } from '../../lib/api';
import { showApiError } from '../../lib/form-errors';
import { formatStoreTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { PhotoButton, PhotoViewer } from '../../components/PhotoViewer';
import { areaOptions, filterByLabel, itemOptions, nameOf, qtyText, usePickers } from '../../lib/pickers';

type Page = MethodOutput<'stock.moves'>;
type Row = Page['rows'][number];
type Filter = Pick<MethodInput<'stock.moves'>, 'itemId' | 'areaId' | 'kind' | 'from' | 'to'>;

/** How many new rows the banner counts exactly; beyond it says "more than". */
const NEW_LIMIT = 200;

/**
 * Movement history, newest first, paged in SQL: "load more" fetches the next
 * page after the last row. New movements (this or any other window or tablet)
 * do not reload the list under the user's eyes: a banner counts the ones that
 * match the filters and shows them on request, so the rows being read and the
 * pages already loaded stay put.
 */
export function MovesPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { session, can } = useSession();
  const p = usePickers();
  const [filter, setFilter] = useState<Filter>({});
  const [rows, setRows] = useState<Row[]>([]);
  const [next, setNext] = useState<Page['next']>(null);
  const [loading, setLoading] = useState(false);
  const [reversing, setReversing] = useState<Row | null>(null);
  const [photoId, setPhotoId] = useState<string | null>(null);
  /** The newest movement when the list was (re)loaded from the top: what "new" is counted from. */
  const [latestSeq, setLatestSeq] = useState<number | null>(null);
  const tz = session.store?.timezone;
  // A mounted query refetches on every invalidation of stock.moves, which every posting mutation sends
  // (even while disabled, hence an empty range until the list is loaded, never "everything since 0").
  const fresh = useQuery(
    'stock.moves',
    { ...filter, limit: NEW_LIMIT, sinceSeq: latestSeq ?? Number.MAX_SAFE_INTEGER },
    { enabled: latestSeq !== null },
  );
  const newRows = latestSeq !== null ? (fresh.data?.rows.length ?? 0) : 0;

  const load = useCallback(
    async (after: Page['next'], reset: boolean) => {
      setLoading(true);
      // Whatever is new now is in the reloaded list: no banner until it is read.
      if (reset) setLatestSeq(null);
      try {
        const page = await call('stock.moves', { ...filter, limit: 200, after });
        setRows((old) => (reset ? page.rows : [...old, ...page.rows]));
        setNext(page.next);
        if (reset) setLatestSeq(page.latestSeq);
      } catch (err) {
        showApiError(err, message);
      } finally {
        setLoading(false);
      }
    },
    [filter, message],
  );
  useEffect(() => {
    void load(null, true);
  }, [load]);

  const canReverse = can(['manager', 'admin']);
  const columns = useMemo<ColDef<Row>[]>(
    () => [
      { field: 'seq', headerName: '#', width: 90 },
      {
        colId: 'time',
        headerName: t('ops.col.time'),
        width: 150,
        valueGetter: (x) => x.data && formatStoreTime(x.data.occurredAt, tz),
      },
      {
        colId: 'kind',
        headerName: t('ops.col.kind'),
        width: 120,
        valueGetter: (x) => x.data && t(`kind.${x.data.kind}` as never),
      },
      { field: 'code', headerName: t('ops.col.code'), width: 110 },
      {
        colId: 'name',
        headerName: t('ops.col.item'),
        flex: 1,
        minWidth: 140,
        valueGetter: (x) => x.data && nameOf(x.data, locale),
      },
      { field: 'areaCode', headerName: t('ops.col.area'), width: 90 },
      { field: 'lot', headerName: t('ops.col.lot'), width: 100 },
      {
        colId: 'qty',
        headerName: t('ops.col.qty'),
        width: 120,
        type: 'rightAligned',
        valueGetter: (x) => x.data?.qty,
        valueFormatter: (x) => (x.data ? qtyText(x.data.qty, x.data.baseUnit) : ''),
      },
      {
        field: 'value',
        headerName: t('ops.col.value'),
        width: 110,
        type: 'rightAligned',
        valueFormatter: (x) => amount(x.value as number),
      },
      {
        colId: 'reason',
        headerName: t('ops.col.reason'),
        width: 110,
        // Names of the code (kept for deactivated codes too); free-text reasons as typed.
        valueGetter: (x) => x.data && ((locale === 'zh-CN' ? x.data.reasonZh : x.data.reasonEn) || x.data.reason),
      },
      {
        colId: 'photo',
        headerName: t('ops.col.photo'),
        width: 70,
        sortable: false,
        filter: false,
        valueGetter: (x) => (x.data?.photoId ? '✓' : ''),
        cellRenderer: (x: { data?: Row }) =>
          x.data?.photoId ? (
            <PhotoButton onOpen={() => setPhotoId(x.data!.photoId)} testId={`photo-${x.data.seq}`} />
          ) : null,
      },
      { field: 'username', headerName: t('ops.col.user'), width: 100 },
      { field: 'note', headerName: t('ops.col.note'), width: 140 },
      {
        colId: 'actions',
        headerName: t('common.actions'),
        width: 100,
        pinned: 'right',
        sortable: false,
        filter: false,
        cellRenderer: (x: { data?: Row }) => {
          const r = x.data;
          if (!r) return null;
          if (r.reversed) return <Typography.Text type="secondary">{t('ops.moves.reversed')}</Typography.Text>;
          if (!canReverse || r.reversesSeq !== null) return null;
          return (
            <Button size="small" danger onClick={() => setReversing(r)} data-testid={`reverse-${r.seq}`}>
              {t('ops.moves.reverse')}
            </Button>
          );
        },
      },
    ],
    [t, locale, tz, canReverse],
  );

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('ops.nav.moves')}
      </Typography.Title>
      {newRows > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="moves-new"
          title={
            fresh.data?.next
              ? t('ops.moves.newRowsMany', { count: NEW_LIMIT })
              : t('ops.moves.newRows', { count: newRows })
          }
          action={
            <Button size="small" type="primary" onClick={() => void load(null, true)} data-testid="moves-show-new">
              {t('ops.moves.showNew')}
            </Button>
          }
        />
      )}
      <DataGrid<Row>
        gridId="ops-moves"
        rows={rows}
        loading={loading && !rows.length}
        columns={columns}
        getRowId={(r) => String(r.seq)}
        exportName="stock-movements"
        toolbar={
          <>
            <Select
              allowClear
              showSearch={{ filterOption: filterByLabel }}
              style={{ width: 200 }}
              placeholder={t('ops.filter.item')}
              options={itemOptions(p.data?.items, locale)}
              onChange={(v: string | undefined) => setFilter((f) => ({ ...f, itemId: v ?? null }))}
            />
            <Select
              allowClear
              style={{ width: 150 }}
              placeholder={t('ops.filter.area')}
              options={areaOptions(p.data?.areas, locale)}
              onChange={(v: string | undefined) => setFilter((f) => ({ ...f, areaId: v ?? null }))}
            />
            <Select
              allowClear
              style={{ width: 140 }}
              placeholder={t('ops.filter.kind')}
              options={MOVE_KIND_NAMES.map((k) => ({ value: k, label: t(`kind.${k}` as never) }))}
              onChange={(v: string | undefined) => setFilter((f) => ({ ...f, kind: v ?? null }))}
              data-testid="moves-kind"
            />
            <DatePicker.RangePicker
              style={{ width: 230 }}
              onChange={(d) =>
                setFilter((f) => ({
                  ...f,
                  from: d?.[0]?.format('YYYY-MM-DD') ?? null,
                  to: d?.[1]?.format('YYYY-MM-DD') ?? null,
                }))
              }
            />
            <Button disabled={!next} loading={loading} onClick={() => void load(next, false)} data-testid="moves-more">
              {next ? t('ops.moves.loadMore') : t('ops.moves.allLoaded')}
            </Button>
          </>
        }
      />
      <PhotoViewer id={photoId} onClose={() => setPhotoId(null)} />
      <FormModal<{ note: string }>
        open={!!reversing}
        title={t('ops.moves.reverseTitle', { seq: reversing?.seq ?? '' })}
        okText={t('ops.moves.reverse')}
        onClose={() => setReversing(null)}
        onSubmit={async (v) => {
          await call('stock.reverse', { seq: reversing!.seq, note: v.note });
          await load(null, true);
          return t('ops.moves.reverseDone');
        }}
        testId="reverse-form"
      >
        <Form.Item
          name="note"
          label={t('ops.moves.reverseNote')}
          rules={[{ required: true, whitespace: true, message: t('ops.form.required') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </FormModal>
    </div>
  );
}
