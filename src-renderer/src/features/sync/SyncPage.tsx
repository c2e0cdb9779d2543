import { SyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Progress, Space, Tabs, Tag, Typography } from 'antd';
import type { MethodOutput } from '../../../../src-shared/api';
import { useSession } from '../../app/session';
import { showApiError } from '../../lib/form-errors';
import { formatStoreTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useMutation, useQuery } from '../../lib/query';
import { EnrollPanel } from './EnrollPanel';
import { DeadLetterList, EnrollmentReport, RunHistory } from './SyncLists';
import { clockMessage, problemMessage, STATE_COLOR } from './texts';

type Status = MethodOutput<'sync.status'>;

/** System › HQ sync: where this store stands with HQ, enrollment, and what happened. */
export function SyncPage() {
  const { t } = useI18n();
  const status = useQuery('sync.status', {});
  const s = status.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('sync.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('sync.hint')}
      </Typography.Paragraph>
      {s && !s.enrolled && <EnrollPanel />}
      {s?.enrolled && <StatusCard s={s} />}
      {s?.enrolled && <SyncTabs s={s} />}
    </Space>
  );
}

function StatusCard({ s }: { s: Status }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { session } = useSession();
  const tz = session.store?.timezone;
  const syncNow = useMutation('sync.now');
  const problem = problemMessage(s, t);
  const clock = clockMessage(s, t);
  const run = async () => {
    try {
      await syncNow.mutate({});
      void message.success(t('sync.nowDone'));
    } catch (err) {
      showApiError(err, message);
    }
  };
  return (
    <Card
      size="small"
      title={
        <Space>
          <Tag color={STATE_COLOR[s.state]} data-testid="sync-state">
            {t(`sync.state.${s.state}`)}
          </Tag>
          {s.hqName}
        </Space>
      }
      extra={
        <Button icon={<SyncOutlined />} onClick={() => void run()} loading={syncNow.pending} data-testid="sync-now">
          {t('sync.now')}
        </Button>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {problem && (
          <Alert
            type={s.state === 'stopped' ? 'error' : 'warning'}
            showIcon
            message={problem}
            description={s.refusal ? t('sync.problem.hqSays', { message: s.refusal.message }) : undefined}
            data-testid="sync-problem"
          />
        )}
        {clock && <Alert type="warning" showIcon message={clock} data-testid="sync-clock" />}
        {s.progress && (
          <Progress
            percent={Math.floor((100 * s.progress.sent) / Math.max(1, s.progress.total))}
            format={() => t('sync.progress', { sent: s.progress!.sent, total: s.progress!.total })}
          />
        )}
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered>
          <Descriptions.Item label={t('sync.f.hq')}>{s.hqUrl}</Descriptions.Item>
          <Descriptions.Item label={t('sync.f.storeCode')}>{s.hqStoreCode}</Descriptions.Item>
          <Descriptions.Item label={t('sync.f.enrolledAt')}>{formatStoreTime(s.enrolledAt, tz)}</Descriptions.Item>
          <Descriptions.Item label={t('sync.f.lastSuccess')}>
            <span data-testid="sync-last">
              {s.lastSuccessAt ? formatStoreTime(s.lastSuccessAt, tz) : t('sync.never')}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('sync.f.waiting')}>
            <span data-testid="sync-waiting">{s.waiting}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('sync.f.deadLetters')}>
            <Typography.Text type={s.deadLetters ? 'danger' : undefined}>{s.deadLetters}</Typography.Text>
          </Descriptions.Item>
          {s.late > 0 && <Descriptions.Item label={t('sync.f.late')}>{s.late}</Descriptions.Item>}
          {s.nextAttemptAt && s.state !== 'idle' && (
            <Descriptions.Item label={t('sync.f.nextAttempt')}>
              {formatStoreTime(s.nextAttemptAt, tz)}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Space>
    </Card>
  );
}

function SyncTabs({ s }: { s: Status }) {
  const { t } = useI18n();
  return (
    <Tabs
      items={[
        { key: 'history', label: t('sync.tab.history'), children: <RunHistory /> },
        {
          key: 'dead',
          label: <span data-testid="sync-tab-dead">{t('sync.tab.deadLetters', { n: s.deadLetters })}</span>,
          children: <DeadLetterList />,
        },
        { key: 'report', label: t('sync.tab.report'), children: <EnrollmentReport /> },
      ]}
    />
  );
}
