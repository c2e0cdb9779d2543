import { AppstoreOutlined, DatabaseOutlined, InboxOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/route-types';
import { AreasPage } from './AreasPage';
import { CategoriesPage } from './CategoriesPage';
import { ItemsPage } from './ItemsPage';

export const itemRoutes: AppRoute[] = [
  {
    path: '/items',
    label: 'nav.items',
    icon: <InboxOutlined />,
    roles: 'any',
    element: <ItemsPage />,
    group: 'nav.inventory',
  },
  {
    path: '/items/categories',
    label: 'items.nav.categories',
    icon: <AppstoreOutlined />,
    roles: 'any',
    element: <CategoriesPage />,
    group: 'nav.inventory',
  },
  {
    path: '/items/areas',
    label: 'items.nav.areas',
    icon: <DatabaseOutlined />,
    roles: 'any',
    element: <AreasPage />,
    group: 'nav.inventory',
  },
];
