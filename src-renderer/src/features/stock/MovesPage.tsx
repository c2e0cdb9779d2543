import type { ColDef } from 'ag-grid-community';
import { App, Button, DatePicker, Form, Input, Select, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MethodInput, MethodOutput } from '../../../../src-shared/api';
import { formatMoney } from '../../../../src-shared/quantity';
import { MOVE_KIND_NAMES } from '../../../../src-shared/stock-kinds';
import { useSession } from '../../app/session';
import { DataGrid } from '../../components/DataGrid';
import { FormModal } from '../../components/FormModal';
import { call } from '../../lib/api';
import { showApiError } from '../../lib/form-errors';
import { formatStoreTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { areaOptions, filterByLabel, itemOptions, nameOf, qtyText, usePickers } from './pickers';

type Page = MethodOutput<'stock.moves'>;
type Row = Page['rows'][number];
type Filter = Pick<MethodInput<'stock.moves'>, 'itemId' | 'areaId' | 'kind' | 'from' | 'to'>;

/** Movement history, newest first, paged in SQL: "load more" fetches the next page after the last row. */
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
  const tz = session.store?.timezone;

  const load = useCallback(
    async (after: Page['next'], reset: boolean) => {
      setLoading(true);
      try {
        const page = await call('stock.moves', { ...filter, limit: 200, after });
        setRows((old) => (reset ? page.rows : [...old, ...page.rows]));
        setNext(page.next);
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
        valueFormatter: (x) => formatMoney(x.value as number),
      },
      { field: 'reason', headerName: t('ops.col.reason'), width: 100 },
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
