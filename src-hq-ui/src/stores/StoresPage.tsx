import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Segmented, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { hqApi } from '../../../src-shared/hq-api';
import type { StoreHealthDto } from '../../../src-shared/hq-api/methods/stores';
import { DataGrid } from '../../../src-renderer/src/components/DataGrid';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useQuery } from '../lib/query';
import { useSession } from '../lib/session';
import { CreateStoreModal } from './CreateStoreModal';
import { EnrollmentCodeModal, type IssuedCode } from './EnrollmentCodeModal';
import { healthIssues } from './health';
import { storeColumns } from './store-columns';

/** Health changes without anyone at HQ doing anything: the list asks again this often while it is shown. */
const REFRESH_MS = 30_000;

/** Every store with its sync health, and new stores with their one-time codes. */
export function StoresPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const q = useQuery('stores.list', {});
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<IssuedCode | null>(null);
  const [only, setOnly] = useState<'all' | 'attention'>('all');
  const [now, setNow] = useState(() => Date.now());
  const { refetch } = q;

  useEffect(() => {
    const timer = window.setInterval(() => {
      setNow(Date.now());
      void refetch();
    }, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refetch]);

  const columns = useMemo(() => storeColumns(t, now, locale), [t, now, locale]);
  const attention = useMemo(() => (q.data ?? []).filter((s) => healthIssues(s, now).length > 0), [q.data, now]);
  const rows = only === 'attention' ? attention : q.data;

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('hq.stores.title')}
      </Typography.Title>
      <DataGrid<StoreHealthDto>
        gridId="hq-stores"
        rows={rows}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => r.id}
        exportName="stores"
        toolbar={
          <>
            {can(hqApi['stores.create'].access) && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="store-add">
                {t('hq.stores.add')}
              </Button>
            )}
            <Segmented<'all' | 'attention'>
              value={only}
              onChange={setOnly}
              options={[
                { value: 'all', label: t('hq.stores.all', { n: q.data?.length ?? 0 }) },
                { value: 'attention', label: t('hq.stores.attention', { n: attention.length }) },
              ]}
              data-testid="store-filter"
            />
            <Button icon={<ReloadOutlined />} onClick={() => void refetch()} aria-label={t('common.refresh')} />
          </>
        }
      />
      <CreateStoreModal open={creating} onClose={() => setCreating(false)} onCreated={setIssued} />
      <EnrollmentCodeModal issued={issued} onClose={() => setIssued(null)} />
    </div>
  );
}
