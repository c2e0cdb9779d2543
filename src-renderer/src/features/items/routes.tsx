import { InboxOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/route-types';
import { ItemsPage } from '../master/ItemsPage';

export const itemRoutes: AppRoute[] = [
  {
    path: '/items',
    label: 'nav.items',
    icon: <InboxOutlined />,
    roles: 'any',
    element: <ItemsPage />,
    group: 'nav.inventory',
  },
];
