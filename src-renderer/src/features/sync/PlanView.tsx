import { Table, Typography } from 'antd';
import type { MatchPlan } from '../../../../src-shared/sync/protocol';
import { hasMessage } from '../../lib/catalog';
import { useI18n } from '../../lib/i18n';

const value = (v: string | number | null) => (v === null ? '—' : String(v));

/** HQ's match plan: per table what was matched, adopted, conflicting, incoming; then each conflict field by field. */
export function PlanView({ plans }: { plans: MatchPlan[] }) {
  const { t } = useI18n();
  const tableName = (name: string) => {
    const key = `sync.table.${name}`;
    return hasMessage(key) ? t(key) : name;
  };
  const columnName = (column: string) => {
    const key = `sync.col.${column}`;
    return hasMessage(key) ? t(key) : column;
  };
  const shown = plans.filter((p) => p.matched.length || p.adopted.length || p.conflicts.length || p.incoming);
  const conflicts = plans.flatMap((p) =>
    p.conflicts.flatMap((c) =>
      c.fields.map((f) => ({ key: `${p.table}|${c.localId}|${f.column}`, table: p.table, code: c.code, ...f })),
    ),
  );
  return (
    <>
      {/* The conflicts first: they are what the admin must look at before confirming. */}
      {conflicts.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('sync.enroll.conflictsTitle')}
          </Typography.Title>
          <Table
            size="small"
            pagination={false}
            data-testid="sync-conflicts"
            dataSource={conflicts}
            style={{ marginBottom: 16 }}
            columns={[
              { title: t('sync.plan.table'), dataIndex: 'table', render: (v: string) => tableName(v) },
              { title: t('sync.plan.code'), dataIndex: 'code' },
              {
                title: t('sync.plan.field'),
                dataIndex: 'column',
                render: (v: string) => columnName(v),
              },
              {
                title: t('sync.plan.store'),
                dataIndex: 'store',
                render: (v: string | number | null) => <Typography.Text delete>{value(v)}</Typography.Text>,
              },
              {
                title: t('sync.plan.hqValue'),
                dataIndex: 'hq',
                render: (v: string | number | null) => <Typography.Text strong>{value(v)}</Typography.Text>,
              },
            ]}
          />
        </>
      )}
      <Table
        size="small"
        pagination={false}
        rowKey="table"
        data-testid="sync-plan"
        dataSource={shown}
        columns={[
          { title: t('sync.plan.table'), dataIndex: 'table', render: (v: string) => tableName(v) },
          { title: t('sync.plan.matched'), align: 'right', render: (_, p) => p.matched.length },
          { title: t('sync.plan.adopted'), align: 'right', render: (_, p) => p.adopted.length },
          {
            title: t('sync.plan.conflicts'),
            align: 'right',
            render: (_, p) =>
              p.conflicts.length ? <Typography.Text type="danger">{p.conflicts.length}</Typography.Text> : 0,
          },
          { title: t('sync.plan.incoming'), align: 'right', dataIndex: 'incoming' },
        ]}
      />
    </>
  );
}
