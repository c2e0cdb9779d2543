import type { ColDef } from 'ag-grid-community';
import { Alert, App, Button, Form, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { MethodOutput } from '../../../../src-shared/api';
import { useSession } from '../../app/session';
import { DataGrid } from '../../components/DataGrid';
import { FormModal } from '../../components/FormModal';
import { call } from '../../lib/api';
import { showApiError } from '../../lib/form-errors';
import { formatStoreTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';

type Period = MethodOutput<'periods.list'>[number];

const STATE_COLOR: Record<Period['state'], string> = { closed: 'blue', open: 'default', current: 'green' };

/**
 * Month-end closing: every month from the first movement on, its state and
 * who closed it. A manager closes through a past month (the open ones before
 * it go first); only an admin reopens, the latest closed month, with a reason.
 */
export function PeriodsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { session, can } = useSession();
  const q = useQuery('periods.list', {});
  const [reopening, setReopening] = useState<Period | null>(null);
  const tz = session.store?.timezone;
  const canReopen = can(['admin']);

  const close = async (p: Period) => {
    try {
      await call('periods.close', { month: p.month });
      void message.success(t('periods.closedDone', { month: p.month }));
    } catch (err) {
      showApiError(err, message);
    }
  };

  const columns = useMemo<ColDef<Period>[]>(
    () => [
      { field: 'month', headerName: t('periods.col.month'), width: 110, pinned: 'left' },
      {
        colId: 'state',
        headerName: t('periods.col.state'),
        width: 100,
        valueGetter: (x) => x.data && t(`periods.state.${x.data.state}`),
        cellRenderer: (x: { data?: Period; value?: string }) =>
          x.data ? <Tag color={STATE_COLOR[x.data.state]}>{x.value}</Tag> : null,
      },
      { field: 'moves', headerName: t('periods.col.moves'), width: 110, type: 'rightAligned' },
      {
        colId: 'closedAt',
        headerName: t('periods.col.closedAt'),
        width: 150,
        valueGetter: (x) => x.data && (x.data.state === 'closed' ? formatStoreTime(x.data.closedAt, tz) : ''),
      },
      {
        colId: 'closedBy',
        headerName: t('periods.col.closedBy'),
        width: 120,
        valueGetter: (x) => x.data && (x.data.state === 'closed' ? (x.data.closedBy ?? '') : ''),
      },
      {
        colId: 'reopened',
        headerName: t('periods.col.reopened'),
        flex: 1,
        minWidth: 220,
        valueGetter: (x) =>
          x.data?.reopenedAt
            ? t('periods.reopenedInfo', {
                who: x.data.reopenedBy ?? '',
                at: formatStoreTime(x.data.reopenedAt, tz),
                reason: x.data.reopenReason,
              })
            : '',
      },
      {
        colId: 'actions',
        headerName: t('common.actions'),
        width: 250,
        pinned: 'right',
        sortable: false,
        filter: false,
        cellRenderer: (x: { data?: Period }) => {
          const p = x.data;
          if (!p) return null;
          return (
            <Space size={4}>
              {p.canClose && (
                <Popconfirm
                  title={t('periods.closeConfirm', { month: p.month })}
                  okText={t('periods.close')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => void close(p)}
                >
                  <Button size="small" type="primary" data-testid={`period-close-${p.month}`}>
                    {t('periods.close')}
                  </Button>
                </Popconfirm>
              )}
              {p.canReopen && canReopen && (
                <Button size="small" danger onClick={() => setReopening(p)} data-testid={`period-reopen-${p.month}`}>
                  {t('periods.reopen')}
                </Button>
              )}
            </Space>
          );
        },
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the actions only need the current translations
    [t, tz, canReopen],
  );

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('periods.title')}
      </Typography.Title>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('periods.hint')} />
      <DataGrid<Period>
        gridId="stock-periods"
        rows={q.data}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => r.month}
        exportName="periods"
      />
      <FormModal<{ reason: string }>
        open={!!reopening}
        title={t('periods.reopenTitle', { month: reopening?.month ?? '' })}
        okText={t('periods.reopen')}
        onClose={() => setReopening(null)}
        onSubmit={async (v) => {
          const month = reopening!.month;
          await call('periods.reopen', { month, reason: v.reason });
          return t('periods.reopenedDone', { month });
        }}
        testId="period-reopen-form"
        okTestId="period-reopen-ok"
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('periods.reopenHint', { month: reopening?.month ?? '' })}
        />
        <Form.Item
          name="reason"
          label={t('periods.reopenReason')}
          rules={[{ required: true, whitespace: true, message: t('ops.form.required') }]}
        >
          <Input.TextArea rows={2} maxLength={500} data-testid="period-reopen-reason" />
        </Form.Item>
      </FormModal>
    </div>
  );
}
