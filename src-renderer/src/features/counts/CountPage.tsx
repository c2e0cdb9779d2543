import { ArrowLeftOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { CountLineDto } from '../../../../src-shared/api/methods/counts';
import { useSession } from '../../app/session';
import { DataGrid } from '../../components/DataGrid';
import { call } from '../../lib/api';
import { showApiError } from '../../lib/form-errors';
import { useI18n } from '../../lib/i18n';
import { useMutation, useQuery } from '../../lib/query';
import { countColumns } from './count-columns';
import { STATUS_COLOR } from './CountsPage';
import { PostCountModal } from './PostCountModal';

/** One count: keyboard entry line by line, variances, recount flags, post and cancel. */
export function CountPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const { session, can } = useSession();
  const navigate = useNavigate();
  const q = useQuery('counts.get', { id });
  const cancel = useMutation('counts.cancel');
  const [lines, setLines] = useState<CountLineDto[] | undefined>(undefined);
  const [posting, setPosting] = useState(false);

  // Each save patches its own row; a refetch (post, cancel, refresh) replaces them all.
  useEffect(() => setLines(q.data?.lines), [q.data]);

  const count = q.data?.count;
  const open = count?.status === 'open';
  const showBook = !!count && !(count.blind && open);

  const save = useCallback(
    (line: CountLineDto, entry: string) => {
      call('counts.saveLine', { countId: id, lineId: line.id, entry })
        .then((saved) => setLines((prev) => prev?.map((l) => (l.id === saved.id ? saved : l))))
        .catch((err: unknown) => showApiError(err, message));
    },
    [id, message],
  );
  const reject = useCallback((text: string) => void message.error(text), [message]);

  const columns = useMemo(
    () => countColumns({ t, locale, tz: session.store?.timezone, editable: open, showBook, save, reject }),
    [t, locale, session.store?.timezone, open, showBook, save, reject],
  );

  const confirmCancel = () => {
    if (!count) return;
    modal.confirm({
      title: t('counts.cancel'),
      content: t('counts.cancelConfirm', { number: count.number }),
      okButtonProps: { danger: true },
      okText: t('counts.cancel'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await cancel.mutate({ id });
          void message.success(t('counts.cancelled', { number: count.number }));
        } catch (err) {
          showApiError(err, message);
        }
      },
    });
  };

  const manager = can(['manager', 'admin']);
  return (
    <div>
      <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/counts')}>
            {t('counts.back')}
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="count-number">
            {count?.number}
          </Typography.Title>
          {count && <Tag color={STATUS_COLOR[count.status]}>{t(`counts.status.${count.status}`)}</Tag>}
          {count?.blind && <Tag>{t('counts.blind')}</Tag>}
        </Space>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void q.refetch()}>
            {t('common.refresh')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => navigate(`/counts/${id}/sheet`)} data-testid="count-sheet">
            {t('counts.sheet')}
          </Button>
          {open && manager && (
            <>
              <Button danger onClick={confirmCancel}>
                {t('counts.cancel')}
              </Button>
              <Button type="primary" onClick={() => setPosting(true)} data-testid="count-post">
                {t('counts.post')}
              </Button>
            </>
          )}
        </Space>
      </Space>
      {open && (
        <Alert
          style={{ marginBottom: 8 }}
          type="info"
          showIcon
          message={count?.blind ? `${t('counts.entryHint')} ${t('counts.blindBanner')}` : t('counts.entryHint')}
        />
      )}
      <DataGrid<CountLineDto>
        gridId="counts.lines"
        rows={lines}
        loading={q.loading && !lines}
        columns={columns}
        getRowId={(r) => r.id}
        exportName={count?.number ?? 'count'}
        height="calc(100vh - 250px)"
      />
      {count && open && <PostCountModal count={count} open={posting} onClose={() => setPosting(false)} />}
    </div>
  );
}
