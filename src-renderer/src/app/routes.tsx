import type { AppRoute } from './route-types';
import {
  AuditOutlined,
  DatabaseOutlined,
  HomeOutlined,
  SettingOutlined,
  TagsOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { AccountPage } from '../features/account/AccountPage';
import { countRoutes } from '../features/counts/routes';
import { deviceRoutes } from '../features/devices/routes';
import { invoiceRoutes } from '../features/invoices/routes';
import { itemRoutes } from '../features/items/routes';
import { periodRoutes } from '../features/periods/routes';
import { procurementRoutes } from '../features/procurement/routes';
import { receivingRoutes } from '../features/receiving/routes';
import { repairRoutes } from '../features/repairs/routes';
import { reportRoutes } from '../features/reports/routes';
import { stockRoutes } from '../features/stock/routes';
import { syncRoutes } from '../features/sync/routes';
import { AuditPage } from '../features/audit/AuditPage';
import { HomePage } from '../features/home/HomePage';
import { ReasonsPage } from '../features/settings/ReasonsPage';
import { StoreSettingsPage } from '../features/settings/StoreSettingsPage';
import { SystemPage } from '../features/system/SystemPage';
import { UsersPage } from '../features/users/UsersPage';

export type { AppRoute };

export const ROUTES: AppRoute[] = [
  { path: '/', label: 'nav.home', icon: <HomeOutlined />, roles: 'any', element: <HomePage /> },
  ...itemRoutes,
  ...stockRoutes,
  ...countRoutes,
  ...reportRoutes,
  ...periodRoutes,
  ...procurementRoutes,
  ...receivingRoutes,
  ...invoiceRoutes,
  ...repairRoutes,
  {
    path: '/admin/users',
    label: 'nav.users',
    icon: <TeamOutlined />,
    roles: ['admin'],
    element: <UsersPage />,
    group: 'nav.admin',
  },
  {
    path: '/admin/audit',
    label: 'nav.audit',
    icon: <AuditOutlined />,
    roles: ['admin', 'manager'],
    element: <AuditPage />,
    group: 'nav.admin',
  },
  {
    path: '/admin/settings',
    label: 'nav.settings',
    icon: <SettingOutlined />,
    roles: ['admin'],
    element: <StoreSettingsPage />,
    group: 'nav.admin',
  },
  {
    path: '/settings/reasons',
    label: 'reasons.nav',
    icon: <TagsOutlined />,
    roles: ['admin', 'manager'],
    element: <ReasonsPage />,
    group: 'nav.admin',
  },
  {
    path: '/admin/system',
    label: 'nav.system',
    icon: <DatabaseOutlined />,
    roles: ['admin', 'manager'],
    element: <SystemPage />,
    group: 'nav.admin',
  },
  ...syncRoutes,
  ...deviceRoutes,
  {
    path: '/account',
    label: 'nav.account',
    icon: <UserOutlined />,
    roles: 'any',
    element: <AccountPage />,
    hidden: true,
  },
];
