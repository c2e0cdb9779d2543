import { CloudSyncOutlined } from '@ant-design/icons';
import { Badge, Progress, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { formatStoreTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';

const BADGE = {
  'not-enrolled': 'default',
  idle: 'success',
  syncing: 'processing',
  offline: 'warning',
  retrying: 'warning',
  stopped: 'error',
  waiting: 'default',
} as const;

/** The status bar's HQ slot: state, last sync, entries waiting, and a progress bar during a long catch-up. */
export function SyncIndicator() {
  const { t } = useI18n();
  const { session, can } = useSession();
  const status = useQuery('sync.status', {});
  const s = status.data;
  const text = !s
    ? '…'
    : [
        t(`sync.state.${s.state}`),
        s.enrolled && s.lastSuccessAt
          ? t('sync.bar.lastSync', { at: formatStoreTime(s.lastSuccessAt, session.store?.timezone) })
          : null,
        s.enrolled && s.waiting > 0 ? t('sync.bar.waiting', { n: s.waiting }) : null,
      ]
        .filter(Boolean)
        .join(' · ');
  const badge = <Badge status={s ? BADGE[s.state] : 'default'} text={<span style={{ fontSize: 12 }}>{text}</span>} />;
  return (
    <Space size="small" data-testid="sync-indicator">
      <Typography.Text type="secondary">
        <CloudSyncOutlined /> {t('sync.bar.label')}:
      </Typography.Text>
      {can(['admin', 'manager']) ? <Link to="/admin/sync">{badge}</Link> : badge}
      {s?.progress && (
        <Progress
          percent={Math.floor((100 * s.progress.sent) / Math.max(1, s.progress.total))}
          size="small"
          style={{ width: 120, margin: 0 }}
        />
      )}
    </Space>
  );
}
