import { AuditOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/route-types';
import { CountPage } from './CountPage';
import { CountSheetPage } from './CountSheetPage';
import { CountsPage } from './CountsPage';

/** Everyone who counts sees the list; the API lets managers and admins start and post, clerks enter. */
const COUNTERS = ['clerk', 'manager', 'admin'] as const;

export const countRoutes: AppRoute[] = [
  {
    path: '/counts',
    label: 'counts.nav',
    icon: <AuditOutlined />,
    roles: COUNTERS,
    element: <CountsPage />,
    group: 'nav.inventory',
  },
  { path: '/counts/:id', label: 'counts.nav', icon: null, roles: COUNTERS, element: <CountPage />, hidden: true },
  {
    path: '/counts/:id/sheet',
    label: 'counts.sheet',
    icon: null,
    roles: COUNTERS,
    element: <CountSheetPage />,
    hidden: true,
  },
];
