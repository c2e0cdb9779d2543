import { Drawer, Empty, Table, Tag, Timeline, Typography } from 'antd';
import { useMemo } from 'react';
import type { HqHistoryEntry } from '../../../src-shared/hq-api/methods/master-data';
import type { MasterTable } from '../../../src-shared/sync/tables';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useQuery } from '../lib/query';
import { hqTime } from '../lib/time';
import { columnLabel } from './column-labels';

export interface HistoryTarget {
  table: MasterTable;
  key: Record<string, string>;
  name: string;
}

type Value = string | number | null;
type T = ReturnType<typeof useI18n>['t'];

/** Columns stored as 0/1 at both ends. */
const FLAGS = new Set(['active', 'purchase', 'count', 'lot_tracked', 'preferred']);

/** A stored value as the edit forms show it: yes/no, a criticality's name, a store's code and name. */
function valueText(t: T, column: string, v: Value, stores: ReadonlyMap<string, string>): string {
  if (v === null || v === '') return '—';
  if (FLAGS.has(column)) return t(v === 1 ? 'common.yes' : 'common.no');
  if (column === 'criticality' && ['low', 'medium', 'high', 'critical'].includes(String(v))) {
    return t(`hqm.crit.${v as 'low'}`);
  }
  if (column === 'store_id') return stores.get(String(v)) ?? String(v);
  return String(v);
}

/** One master row's changes at HQ, newest first: who, when, and each field's old and new value. */
export function HistoryDrawer(props: { target: HistoryTarget | null; onClose(): void }) {
  const { t } = useI18n();
  const target = props.target;
  const q = useQuery(
    'master.history',
    { table: target?.table ?? 'items', key: target?.key ?? {} },
    { enabled: !!target },
  );
  const entries: HqHistoryEntry[] = q.data ?? [];
  const storeList = useQuery('stores.list', {}, { enabled: target?.table === 'equipment' });
  const stores = useMemo(
    () => new Map((storeList.data ?? []).map((x) => [x.id, `${x.code} ${x.name}`])),
    [storeList.data],
  );
  const shown = (column: string) => (v: Value) => valueText(t, column, v, stores);
  return (
    <Drawer
      open={!!target}
      onClose={props.onClose}
      width={620}
      title={target ? t('hqm.history.title', { name: target.name }) : ''}
      data-testid="history-drawer"
      destroyOnHidden
    >
      {!q.loading && entries.length === 0 && <Empty description={t('hqm.history.empty')} />}
      <Timeline
        items={entries.map((e) => ({
          key: `${e.seq}`,
          color: e.op === 'create' ? 'green' : e.op === 'delete' ? 'red' : 'blue',
          children: (
            <div data-testid="history-entry">
              <Typography.Text strong>
                <Tag>{t(`hqm.history.op.${e.op}`)}</Tag>
                {t('hqm.history.by', {
                  user: e.username ?? t('hqm.history.unknownUser'),
                  when: hqTime(new Date(e.at).toISOString()),
                })}
              </Typography.Text>
              <Table
                size="small"
                pagination={false}
                style={{ marginTop: 6 }}
                rowKey="column"
                dataSource={e.changes}
                columns={[
                  {
                    title: t('hqm.history.field'),
                    dataIndex: 'column',
                    width: 150,
                    render: (c: string) => columnLabel(t, c),
                  },
                  {
                    title: t('hqm.history.before'),
                    dataIndex: 'before',
                    render: (v: Value, c: { column: string }) => shown(c.column)(v),
                  },
                  {
                    title: t('hqm.history.after'),
                    dataIndex: 'after',
                    render: (v: Value, c: { column: string }) => shown(c.column)(v),
                  },
                ]}
              />
            </div>
          ),
        }))}
      />
    </Drawer>
  );
}
