import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Descriptions, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import type { StoreDetailDto } from '../../../src-shared/hq-api/methods/stores';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useQuery } from '../lib/query';
import { storeClock } from '../lib/time';
import { regionName } from '../regions/region-name';
import { ArrivedTab } from './ArrivedTab';
import { healthIssues } from './health';
import { refusalReason } from './refusal';
import { skewText } from './skew';
import { AuditMismatchesGrid, DeadLettersGrid, LateEntriesGrid, StreamsGrid } from './detail-grids';
import { STATUS_COLOR, statusText } from './store-columns';
import { StoreActions } from './StoreActions';

const REFRESH_MS = 30_000;

/** One store as HQ sees it: its health, what arrived from it, and what HQ could not take or flagged. */
export function StorePage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const q = useQuery('stores.detail', { id });
  const { refetch } = q;
  useEffect(() => {
    const timer = window.setInterval(() => void refetch(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refetch]);

  const back = (
    <Link to="/stores">
      <ArrowLeftOutlined /> {t('hq.nav.stores')}
    </Link>
  );
  if (q.error) return <Result status="warning" title={q.error.message} extra={back} />;
  if (!q.data) return <Spin />;
  const d = q.data;
  const s = d.store;
  const arrived = d.tables.reduce((n, x) => n + x.rows, 0);

  return (
    <div>
      <Space style={{ marginBottom: 8 }}>{back}</Space>
      <Space align="center" style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="store-title">
          {s.code} · {s.name}{' '}
          <Tag color={STATUS_COLOR[s.status]} style={{ verticalAlign: 'middle' }} data-testid="store-status">
            {statusText(t, s, Date.now())}
          </Tag>
        </Typography.Title>
        <Space>
          <StoreActions store={s} />
          <Button icon={<ReloadOutlined />} onClick={() => void refetch()}>
            {t('common.refresh')}
          </Button>
        </Space>
      </Space>
      {s.auditMismatch && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={t('hq.store.auditAlert')}
          description={t('hq.stores.audit.mismatchHelp')}
          data-testid="audit-alert"
        />
      )}
      {s.lastRefusal && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={t('hq.store.lastRefusal', {
            at: storeClock(s.timeZone)(s.lastRefusal.at),
            reason: refusalReason(t, s.lastRefusal.code),
            code: s.lastRefusal.code,
          })}
          description={s.lastRefusal.message}
          data-testid="refusal-alert"
        />
      )}
      <Health detail={d} />
      <Tabs
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'arrived',
            label: <TabLabel text={t('hq.store.tab.arrived')} n={arrived} />,
            children: <ArrivedTab detail={d} />,
          },
          {
            key: 'dead',
            label: <TabLabel text={t('hq.store.tab.deadLetters')} n={d.deadLetters.length} danger />,
            children: <DeadLettersGrid rows={d.deadLetters} zone={s.timeZone} />,
          },
          {
            key: 'late',
            label: <TabLabel text={t('hq.store.tab.late')} n={d.lateEntries.length} />,
            children: <LateEntriesGrid rows={d.lateEntries} zone={s.timeZone} />,
          },
          {
            key: 'audit',
            label: <TabLabel text={t('hq.store.tab.audit')} n={d.auditMismatches.length} danger />,
            children: <AuditMismatchesGrid rows={d.auditMismatches} zone={s.timeZone} />,
          },
          {
            key: 'streams',
            label: <TabLabel text={t('hq.store.tab.streams')} n={d.streams.length} />,
            children: <StreamsGrid rows={d.streams} zone={s.timeZone} />,
          },
        ]}
        data-testid="store-tabs"
      />
    </div>
  );
}

function TabLabel({ text, n, danger }: { text: string; n: number; danger?: boolean }) {
  return (
    <Space size={6}>
      {text}
      <Badge count={n} showZero overflowCount={999999} color={danger && n > 0 ? 'red' : n > 0 ? 'blue' : '#d9d9d9'} />
    </Space>
  );
}

/** The store's figures; its times on its own clock (see zonedTime). */
function Health({ detail }: { detail: StoreDetailDto }) {
  const { t, locale } = useI18n();
  const s = detail.store;
  const at = storeClock(s.timeZone);
  const skew = s.clockSkewMs === null ? '' : skewText(t, s.clockSkewMs);
  const skewed = healthIssues(s, Date.now()).includes('clockSkew');
  const warn = (on: boolean) => (on ? { color: '#d46b08', fontWeight: 600 } : undefined);
  const danger = (on: boolean) => (on ? { color: '#cf1322', fontWeight: 600 } : undefined);
  return (
    <Descriptions
      size="small"
      bordered
      style={{ marginTop: 12 }}
      column={{ xs: 1, md: 2, xl: 4 }}
      data-testid="store-health"
      items={[
        { key: 'region', label: t('hq.stores.f.region'), children: s.region ? regionName(s.region, locale) : '—' },
        { key: 'enrolled', label: t('hq.store.enrolledAt'), children: at(s.enrolledAt) || '—' },
        {
          key: 'contact',
          label: t('hq.stores.f.lastContact'),
          children: s.lastContactAt ? at(s.lastContactAt) : t('hq.stores.never'),
        },
        { key: 'app', label: t('hq.stores.f.appVersion'), children: s.appVersion || '—' },
        { key: 'schema', label: t('hq.store.schemaVersion'), children: s.schemaVersion ?? '—' },
        {
          key: 'backlog',
          label: t('hq.stores.f.backlog'),
          children: <span style={warn(s.backlog > 0)}>{s.backlog}</span>,
        },
        {
          key: 'refused',
          label: t('hq.stores.f.refused'),
          children: <span style={danger(s.refusedCount > 0)}>{s.refusedCount}</span>,
        },
        {
          key: 'skew',
          label: t('hq.store.clockSkew'),
          children: <span style={warn(skewed)}>{skew || '—'}</span>,
        },
      ]}
    />
  );
}
