import { HistoryOutlined, PrinterOutlined, UsbOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/route-types';
import { DevicesPage } from './DevicesPage';
import { LabelHistoryPage } from './LabelHistoryPage';
import { LabelTemplatesPage } from './LabelTemplatesPage';

export const deviceRoutes: AppRoute[] = [
  {
    path: '/labels/history',
    label: 'labels.historyNav',
    icon: <HistoryOutlined />,
    roles: ['clerk', 'manager', 'admin'],
    element: <LabelHistoryPage />,
    group: 'procurement.nav.group',
  },
  {
    path: '/settings/devices',
    label: 'devices.nav',
    icon: <UsbOutlined />,
    roles: 'any',
    element: <DevicesPage />,
    group: 'nav.admin',
  },
  {
    path: '/settings/labels',
    label: 'labels.nav',
    icon: <PrinterOutlined />,
    roles: ['admin', 'manager'],
    element: <LabelTemplatesPage />,
    group: 'nav.admin',
  },
];
