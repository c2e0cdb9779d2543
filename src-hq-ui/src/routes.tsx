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
  AppstoreOutlined,
  BarcodeOutlined,
  FileTextOutlined,
  PrinterOutlined,
  ToolOutlined,
  UnorderedListOutlined,
  WarningOutlined,
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
import { CategoriesPage } from './master/CategoriesPage';
import { EquipmentPage } from './master/EquipmentPage';
import { FaultsPage } from './master/FaultsPage';
import { LayoutsPage } from './master/LayoutsPage';
import { ReasonsPage } from './master/ReasonsPage';
import { UnitsPage } from './master/UnitsPage';
import { VendorsPage } from './master/VendorsPage';
import { StorePage } from './stores/StorePage';
import { StoresPage } from './stores/StoresPage';
import { RegionsPage } from './regions/RegionsPage';
import { TransfersPage } from './transfers/TransfersPage';
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
    path: '/master/categories',
    label: 'hqm.nav.categories',
    icon: <AppstoreOutlined />,
    access: hqApi['master.categories.list'].access,
    element: <CategoriesPage />,
    group: 'hq.nav.master',
  },
  {
    path: '/master/units',
    label: 'hqm.nav.units',
    icon: <BarcodeOutlined />,
    access: hqApi['master.units.list'].access,
    element: <UnitsPage />,
    group: 'hq.nav.master',
  },
  {
    path: '/master/reasons',
    label: 'hqm.nav.reasons',
    icon: <UnorderedListOutlined />,
    access: hqApi['master.reasons.list'].access,
    element: <ReasonsPage />,
    group: 'hq.nav.master',
  },
  {
    path: '/master/faults',
    label: 'hqm.nav.faults',
    icon: <WarningOutlined />,
    access: hqApi['master.faults.list'].access,
    element: <FaultsPage />,
    group: 'hq.nav.master',
  },
  {
    path: '/master/vendors',
    label: 'hqm.nav.vendors',
    icon: <FileTextOutlined />,
    access: hqApi['master.vendors.list'].access,
    element: <VendorsPage />,
    group: 'hq.nav.master',
  },
  {
    path: '/master/equipment',
    label: 'hqm.nav.equipment',
    icon: <ToolOutlined />,
    access: hqApi['master.equipment.list'].access,
    element: <EquipmentPage />,
    group: 'hq.nav.master',
  },
  {
    path: '/master/layouts',
    label: 'hqm.nav.layouts',
    icon: <PrinterOutlined />,
    access: hqApi['master.layouts.list'].access,
    element: <LayoutsPage />,
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
