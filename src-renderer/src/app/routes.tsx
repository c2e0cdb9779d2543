import type { AppRoute } from './route-types';
import {
  AuditOutlined,
  DatabaseOutlined,
  HomeOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
  ToolOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { AccountPage } from '../features/account/AccountPage';
import { countRoutes } from '../features/counts/routes';
import { itemRoutes } from '../features/items/routes';
import { reportRoutes } from '../features/reports/routes';
import { stockRoutes } from '../features/stock/routes';
import { AuditPage } from '../features/audit/AuditPage';
import { HomePage } from '../features/home/HomePage';
import { EquipmentPage } from '../features/master/EquipmentPage';
import { SuppliersPage } from '../features/master/SuppliersPage';
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
  {
    path: '/suppliers',
    label: 'nav.suppliers',
    icon: <ShopOutlined />,
    roles: 'any',
    element: <SuppliersPage />,
    group: 'nav.inventory',
  },
  {
    path: '/equipment',
    label: 'nav.equipment',
    icon: <ToolOutlined />,
    roles: 'any',
    element: <EquipmentPage />,
    group: 'nav.maintenance',
  },
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
    path: '/admin/system',
    label: 'nav.system',
    icon: <DatabaseOutlined />,
    roles: ['admin', 'manager'],
    element: <SystemPage />,
    group: 'nav.admin',
  },
  {
    path: '/account',
    label: 'nav.account',
    icon: <UserOutlined />,
    roles: 'any',
    element: <AccountPage />,
    hidden: true,
  },
];
