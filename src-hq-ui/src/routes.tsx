import {
  ApartmentOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  DollarOutlined,
  ShopOutlined,
  TableOutlined,
  TagsOutlined,
  TeamOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { hqApi } from '../../src-shared/hq-api';
import type { HqAccess } from '../../src-shared/hq-api/contract';
import type { MenuRoute } from '../../src-renderer/src/components/AppFrame';
import { DashboardPage } from './chain/DashboardPage';
import { StockPage } from './chain/StockPage';
import { SummaryPage } from './chain/SummaryPage';
import { CataloguePage } from './master/CataloguePage';
import { ItemsPage } from './master/ItemsPage';
import { ReleasesPage } from './releases/ReleasesPage';
import { StorePage } from './stores/StorePage';
import { StoresPage } from './stores/StoresPage';
import { RegionsPage } from './regions/RegionsPage';
import { TransfersPage } from './transfers/TransfersPage';
import { UsersPage } from './users/UsersPage';

export interface HqRoute extends MenuRoute {
  /** Who sees it in the menu and may open it: the access of the method the page reads, from the contract. */
  access: HqAccess;
  element: ReactNode;
  hidden?: boolean;
}

export const HQ_ROUTES: HqRoute[] = [
  {
    path: '/chain-dashboard',
    label: 'chain.nav.dashboard',
    icon: <DashboardOutlined />,
    access: hqApi['chain.dashboard'].access,
    element: <DashboardPage />,
    group: 'hq.nav.chain',
  },
  {
    path: '/chain-stock',
    label: 'chain.nav.stock',
    icon: <DatabaseOutlined />,
    access: hqApi['chain.stock'].access,
    element: <StockPage />,
    group: 'hq.nav.chain',
  },
  {
    path: '/chain-summary',
    label: 'chain.nav.summary',
    icon: <TableOutlined />,
    access: hqApi['chain.summary'].access,
    element: <SummaryPage />,
    group: 'hq.nav.chain',
  },
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
    path: '/transfers',
    label: 'hq.nav.transfers',
    icon: <SwapOutlined />,
    access: hqApi['transfers.list'].access,
    element: <TransfersPage />,
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
  {
    path: '/releases',
    label: 'hq.nav.releases',
    icon: <CloudUploadOutlined />,
    access: hqApi['releases.list'].access,
    element: <ReleasesPage />,
    group: 'hq.nav.admin',
  },
];
