import { ApiOutlined, CloudSyncOutlined, ShopOutlined, UsbOutlined, UserOutlined } from '@ant-design/icons';
import { Badge, Space, Tag, Typography } from 'antd';
import { useContext } from 'react';
import { useI18n } from '../lib/i18n';
import { ConnectionContext } from './connection';
import { useSession } from './session';

/**
 * Store, user, connection to the backend, devices and HQ sync. Devices and
 * sync show their real state ("none configured", "not enrolled") until the
 * issues that add them fill these slots in.
 */
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
      <Typography.Text type="secondary">
        <UsbOutlined /> {t('shell.devices')}: {t('shell.devicesNone')}
      </Typography.Text>
      <Typography.Text type="secondary">
        <CloudSyncOutlined /> {t('shell.sync')}: {t('shell.syncNotEnrolled')}
      </Typography.Text>
      {session.lan && <Tag color="orange">{t('shell.lan')}</Tag>}
    </Space>
  );
}
