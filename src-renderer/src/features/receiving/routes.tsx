import { InboxOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/route-types';
import { ReceivePage } from './ReceivePage';
import { ReceivingListPage } from './ReceivingListPage';

export const receivingRoutes: AppRoute[] = [
  {
    path: '/receiving',
    label: 'receiving.nav',
    icon: <InboxOutlined />,
    roles: ['clerk', 'manager', 'admin'],
    element: <ReceivingListPage />,
    group: 'procurement.nav.group',
  },
  {
    path: '/receiving/:id',
    label: 'receiving.nav',
    icon: null,
    roles: ['clerk', 'manager', 'admin'],
    element: <ReceivePage />,
    hidden: true,
  },
];
