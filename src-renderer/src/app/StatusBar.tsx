import { ApiOutlined, ShopOutlined, UsbOutlined, UserOutlined } from '@ant-design/icons';
import { Badge, Space, Tag, Typography } from 'antd';
import { useContext } from 'react';
import { DeviceBadge } from '../components/DeviceBadge';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { useDeviceStates } from '../lib/devices';
import { useI18n } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { ConnectionContext } from './connection';
import { useSession } from './session';

/**
 * Store, user, connection to the backend, devices and HQ sync. Devices and
 * sync show their real state ("none configured", "not enrolled") until the
 * issues that add them fill these slots in.
 */
function DevicesSlot() {
  const { t } = useI18n();
  const devices = useQuery('devices.list', {});
  const states = useDeviceStates();
  const active = (devices.data ?? []).filter((d) => d.active);
  return (
    <span data-testid="device-states">
      <Typography.Text type="secondary">
        <UsbOutlined /> {t('shell.devices')}:{' '}
      </Typography.Text>
      {active.length === 0 ? (
        <Typography.Text type="secondary">{t('shell.devicesNone')}</Typography.Text>
      ) : (
        <Space size="middle">
          {active.map((d) => (
            <DeviceBadge key={d.id} device={d} state={states.get(d.id)} />
          ))}
        </Space>
      )}
    </span>
  );
}

export function StatusBar() {
  const { t } = useI18n();
  const { session } = useSession();
  const connection = useContext(ConnectionContext);
  return (
    <Space size="large" style={{ fontSize: 12 }} data-testid="status-bar" wrap>
      <Typography.Text type="secondary">
        <ShopOutlined /> {t('shell.store')}: {session.store?.code} {session.store?.name}
      </Typography.Text>
      <Typography.Text type="secondary">
        <UserOutlined /> {t('shell.user')}: {session.user?.username} ({session.user && t(`role.${session.user.role}`)})
      </Typography.Text>
      <span data-testid="connection-state">
        <ApiOutlined /> {t('shell.connection')}:{' '}
        <Badge
          status={connection === 'online' ? 'success' : 'error'}
          text={<span style={{ fontSize: 12 }}>{t(connection === 'online' ? 'shell.online' : 'shell.offline')}</span>}
        />
      </span>
      <DevicesSlot />
      <SyncIndicator />
      {session.lan && <Tag color="orange">{t('shell.lan')}</Tag>}
    </Space>
  );
}
