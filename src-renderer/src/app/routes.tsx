import {
  AuditOutlined,
  DatabaseOutlined,
  HomeOutlined,
  InboxOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
  ToolOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../../src-shared/i18n';
import type { Role } from '../../../src-shared/roles';
import { AccountPage } from '../features/account/AccountPage';
import { AuditPage } from '../features/audit/AuditPage';
import { HomePage } from '../features/home/HomePage';
import { EquipmentPage } from '../features/master/EquipmentPage';
import { ItemsPage } from '../features/master/ItemsPage';
import { SuppliersPage } from '../features/master/SuppliersPage';
import { StoreSettingsPage } from '../features/settings/StoreSettingsPage';
import { SystemPage } from '../features/system/SystemPage';
import { UsersPage } from '../features/users/UsersPage';

export interface AppRoute {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Who sees it in the menu and may open it. The API enforces the same roles. */
  roles: readonly Role[] | 'any';
  element: ReactNode;
  group?: MessageKey;
  hidden?: boolean;
}

export const ROUTES: AppRoute[] = [
  { path: '/', label: 'nav.home', icon: <HomeOutlined />, roles: 'any', element: <HomePage /> },
  {
    path: '/items',
    label: 'nav.items',
    icon: <InboxOutlined />,
    roles: 'any',
    element: <ItemsPage />,
    group: 'nav.inventory',
  },
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
