import { PlusOutlined } from '@ant-design/icons';
import { Button, Segmented, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { MethodInput, MethodOutput } from '../../../../../src-shared/api';
import type { WorkOrderRow } from '../../../../../src-shared/api/methods/repairs-dto';
import { PRIORITIES, type Priority } from '../../../../../src-shared/repairs/settings';
import { useSession } from '../../../app/session';
import { DataGrid } from '../../../components/DataGrid';
import { call } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/query';
import { CategorySelect } from '../CategorySelect';
import { WORKERS } from '../repair-format';
import { woColumns } from './wo-columns';

type Scope = NonNullable<MethodInput<'repairs.list'>['scope']>;
type Page = MethodOutput<'repairs.list'>;

/**
 * Work orders: the maintenance list (open, still to do, assigned to me, all)
 * or, for the store side, the requests I reported. SLA state and age per row;
 * a row opens the work order.
 */
export function WorkOrdersPage({ mineOnly = false }: { mineOnly?: boolean }) {
  const { t, locale } = useI18n();
  const { session, can } = useSession();
  const navigate = useNavigate();
  const worker = can(WORKERS) && !mineOnly;
  const [scope, setScope] = useState<Scope>(worker ? 'open' : 'mine');
  const [priority, setPriority] = useState<Priority | ''>('');
  const [kind, setKind] = useState<'' | 'corrective' | 'preventive'>('');
  const [category, setCategory] = useState('');
  const input = useMemo(
    () => ({
      scope,
      priority: priority || null,
      kind: kind || null,
      category: category || null,
    }),
    [scope, priority, kind, category],
  );
  const q = useQuery('repairs.list', input);
  // 'All' is paged: further pages are kept for the filters they were loaded with.
  const [more, setMore] = useState<{ key: string; rows: WorkOrderRow[]; next: string | null } | null>(null);
  const key = JSON.stringify(input);
  const extra = more?.key === key ? more : null;
  const rows = useMemo(() => (q.data ? [...q.data.rows, ...(extra?.rows ?? [])] : undefined), [q.data, extra]);
  const next = extra ? extra.next : (q.data?.nextCursor ?? null);
  const [loadingMore, setLoadingMore] = useState(false);
  const loadMore = async () => {
    if (!next) return;
    setLoadingMore(true);
    try {
      const page: Page = await call('repairs.list', { ...input, cursor: next });
      setMore({ key, rows: [...(extra?.rows ?? []), ...page.rows], next: page.nextCursor });
    } finally {
      setLoadingMore(false);
    }
  };

  const tz = session.store?.timezone;
  const columns = useMemo(() => woColumns(t, locale, tz), [t, locale, tz]);
  const scopes: { value: Scope; label: string }[] = worker
    ? (['open', 'active', 'assigned', 'mine', 'all'] as const).map((s) => ({
        value: s,
        label: t(`repairs.scope.${s}`),
      }))
    : [];

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t(worker ? 'repairs.list.title' : 'repairs.list.mineTitle')}
      </Typography.Title>
      <DataGrid<WorkOrderRow>
        gridId={worker ? 'work-orders' : 'work-orders-mine'}
        rows={rows}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => r.id}
        exportName="work-orders"
        onRowDoubleClicked={(r) => navigate(`/repairs/work-orders/${r.id}`)}
        toolbar={
          <>
            {worker && <Segmented<Scope> value={scope} onChange={setScope} options={scopes} data-testid="wo-scope" />}
            <Select<Priority | ''>
              value={priority}
              onChange={setPriority}
              style={{ width: 120 }}
              aria-label={t('repairs.f.priority')}
              options={[
                { value: '', label: t('repairs.filter.allPriorities') },
                ...PRIORITIES.map((p) => ({ value: p, label: t(`repairs.priority.${p}`) })),
              ]}
            />
            <Select
              value={kind}
              onChange={setKind}
              style={{ width: 130 }}
              aria-label={t('repairs.f.kind')}
              options={[
                { value: '', label: t('repairs.filter.allKinds') },
                { value: 'corrective', label: t('repairs.kind.corrective') },
                { value: 'preventive', label: t('repairs.kind.preventive') },
              ]}
            />
            <CategorySelect value={category} onChange={setCategory} />
            {next && (
              <Button onClick={() => void loadMore()} loading={loadingMore} data-testid="wo-more">
                {t('common.loadMore')}
              </Button>
            )}
            <Button icon={<PlusOutlined />} onClick={() => navigate('/repairs/report')} data-testid="wo-report">
              {t('repairs.nav.report')}
            </Button>
          </>
        }
      />
    </div>
  );
}
