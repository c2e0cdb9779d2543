import { AccountBookOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/route-types';
import { ClaimPage } from './ClaimPage';
import { InvoicePage } from './InvoicePage';
import { InvoicesPage } from './InvoicesPage';

/** Everyone sees invoices and claims; the API lets clerks enter them, managers and admins match, claim and approve. */
export const invoiceRoutes: AppRoute[] = [
  {
    path: '/invoices',
    label: 'invoices.nav',
    icon: <AccountBookOutlined />,
    roles: 'any',
    element: <InvoicesPage />,
    group: 'procurement.nav.group',
  },
  {
    path: '/invoices/:id',
    label: 'invoices.nav',
    icon: null,
    roles: 'any',
    element: <InvoicePage />,
    hidden: true,
  },
  {
    path: '/invoice-claims/:id',
    label: 'invoices.nav',
    icon: null,
    roles: 'any',
    element: <ClaimPage />,
    hidden: true,
  },
];
