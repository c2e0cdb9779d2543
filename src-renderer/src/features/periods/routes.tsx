import { LockOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/route-types';
import { PeriodsPage } from './PeriodsPage';

export const periodRoutes: AppRoute[] = [
  {
    path: '/reports/periods',
    label: 'periods.nav',
    icon: <LockOutlined />,
    roles: ['manager', 'admin'],
    element: <PeriodsPage />,
    group: 'reports.nav.group',
  },
];
