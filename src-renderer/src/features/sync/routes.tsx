import { CloudSyncOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/route-types';
import { SyncPage } from './SyncPage';

export const syncRoutes: AppRoute[] = [
  {
    path: '/admin/sync',
    label: 'sync.nav',
    icon: <CloudSyncOutlined />,
    roles: ['admin', 'manager'],
    element: <SyncPage />,
    group: 'nav.admin',
  },
];
