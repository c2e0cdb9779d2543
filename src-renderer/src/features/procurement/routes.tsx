import { FileTextOutlined, ShopOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/route-types';
import { PurchaseOrderPage } from './PurchaseOrderPage';
import { PurchaseOrdersPage } from './PurchaseOrdersPage';
import { SuppliersPage } from './SuppliersPage';

/** Everyone sees suppliers and orders; the API lets clerks draft, managers and admins approve and edit suppliers. */
export const procurementRoutes: AppRoute[] = [
  {
    path: '/suppliers',
    label: 'nav.suppliers',
    icon: <ShopOutlined />,
    roles: 'any',
    element: <SuppliersPage />,
    group: 'procurement.nav.group',
  },
  {
    path: '/purchase-orders',
    label: 'po.nav',
    icon: <FileTextOutlined />,
    roles: 'any',
    element: <PurchaseOrdersPage />,
    group: 'procurement.nav.group',
  },
  {
    path: '/purchase-orders/:id',
    label: 'po.nav',
    icon: null,
    roles: 'any',
    element: <PurchaseOrderPage />,
    hidden: true,
  },
];
