import {
  ApartmentOutlined,
  ShopOutlined,
  TagsOutlined,
  TeamOutlined,
  DollarOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { hqApi } from '../../src-shared/hq-api';
import type { HqAccess } from '../../src-shared/hq-api/contract';
import type { MenuRoute } from '../../src-renderer/src/components/AppFrame';
import { CataloguePage } from './master/CataloguePage';
import { ItemsPage } from './master/ItemsPage';
import { StorePage } from './stores/StorePage';
import { StoresPage } from './stores/StoresPage';
import { RegionsPage } from './regions/RegionsPage';
import { RepairsPage } from './repairs/RepairsPage';
import { UsersPage } from './users/UsersPage';

export interface HqRoute extends MenuRoute {
  /** Who sees it in the menu and may open it: the access of the method the page reads, from the contract. */
  access: HqAccess;
  element: ReactNode;
  hidden?: boolean;
}

export const HQ_ROUTES: HqRoute[] = [
  {
    path: '/stores',
    label: 'hq.nav.stores',
    icon: <ShopOutlined />,
    access: hqApi['stores.list'].access,
    element: <StoresPage />,
    group: 'hq.nav.chain',
  },
  {
    path: '/stores/:id',
    label: 'hq.nav.stores',
    icon: null,
    access: hqApi['stores.detail'].access,
    element: <StorePage />,
    hidden: true,
  },
  {
    path: '/repairs',
    label: 'hqRepairs.nav',
    icon: <ToolOutlined />,
    access: hqApi['repairs.list'].access,
    element: <RepairsPage />,
    group: 'hq.nav.chain',
  },
  {
    path: '/items',
    label: 'hq.nav.items',
    icon: <TagsOutlined />,
    access: hqApi['items.list'].access,
    element: <ItemsPage />,
    group: 'hq.nav.master',
  },
  {
    path: '/catalogue',
    label: 'hq.nav.catalogue',
    icon: <DollarOutlined />,
    access: hqApi['supplierItems.list'].access,
    element: <CataloguePage />,
    group: 'hq.nav.master',
  },
  {
    path: '/users',
    label: 'hq.nav.users',
    icon: <TeamOutlined />,
    access: hqApi['users.list'].access,
    element: <UsersPage />,
    group: 'hq.nav.admin',
  },
  {
    path: '/regions',
    label: 'hq.nav.regions',
    icon: <ApartmentOutlined />,
    access: hqApi['regions.list'].access,
    element: <RegionsPage />,
    group: 'hq.nav.chain',
  },
];
