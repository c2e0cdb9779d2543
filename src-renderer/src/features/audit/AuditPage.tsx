import type { ColDef } from 'ag-grid-community';
import { Alert, App, Button, Input, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MethodOutput } from '../../../../src-shared/api';
import { useSession } from '../../app/session';
import { DataGrid } from '../../components/DataGrid';
import { call } from '../../lib/api';
import { showApiError } from '../../lib/form-errors';
import { formatStoreTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

type Row = MethodOutput<'audit.list'>['rows'][number];
type Verify = MethodOutput<'audit.verify'>;

/** The audit log, newest first, 200 rows a page from the server; the chain can be verified here. */
export function AuditPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { session, can } = useSession();
  const tz = session.store?.timezone;
  const [rows, setRows] = useState<Row[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [method, setMethod] = useState('');
  const [loading, setLoading] = useState(false);
  const [verify, setVerify] = useState<Verify | null>(null);

  const load = useCallback(
    async (beforeSeq: number | null) => {
      setLoading(true);
      try {
        const page = await call('audit.list', { limit: 200, beforeSeq, method: method || null });
        setRows((prev) => (beforeSeq ? [...prev, ...page.rows] : page.rows));
        setNext(page.nextBeforeSeq);
      } catch (err) {
        showApiError(err, message);
      } finally {
        setLoading(false);
      }
    },
    [method, message],
  );
  useEffect(() => void load(null), [load]);

  const runVerify = async () => {
    try {
      setVerify(await call('audit.verify', {}));
    } catch (err) {
      showApiError(err, message);
    }
  };

  const columns = useMemo<ColDef<Row>[]>(
    () => [
      { field: 'seq', headerName: t('audit.seq'), width: 90, filter: 'agNumberColumnFilter' },
      { colId: 'at', headerName: t('audit.at'), width: 150, valueGetter: (p) => formatStoreTime(p.data?.at, tz) },
      { field: 'username', headerName: t('audit.user'), width: 120 },
      { field: 'method', headerName: t('audit.method'), width: 190 },
      { field: 'detail', headerName: t('audit.detail'), flex: 1, minWidth: 300, tooltipField: 'detail' },
    ],
    [t, tz],
  );

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      {verify && (
        <Alert
          style={{ marginBottom: 8 }}
          type={verify.ok ? 'success' : 'error'}
          showIcon
          closable
          onClose={() => setVerify(null)}
          data-testid="audit-verify-result"
          title={
            verify.ok
              ? t('audit.verifyOk', { count: verify.checked })
              : t('audit.verifyBad', {
                  count: verify.problems.length,
                  list: verify.problems.map((p) => `#${p.seq} ${t(`audit.problem.${p.kind}`)}`).join(', '),
                })
          }
        />
      )}
      <DataGrid<Row>
        gridId="audit"
        rows={rows}
        loading={loading}
        columns={columns}
        getRowId={(r) => String(r.seq)}
        exportName="audit-log"
        toolbar={
          <>
            <Input.Search allowClear placeholder={t('audit.method')} onSearch={setMethod} style={{ width: 220 }} />
            <Button onClick={() => void load(null)}>{t('common.refresh')}</Button>
            {next !== null && <Button onClick={() => void load(next)}>{t('common.loadMore')}</Button>}
            {can(['admin']) && (
              <Button type="primary" onClick={() => void runVerify()} data-testid="audit-verify">
                {t('audit.verify')}
              </Button>
            )}
          </>
        }
      />
    </div>
  );
}
