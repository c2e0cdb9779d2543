import {
  ApartmentOutlined,
  BarChartOutlined,
  CalendarOutlined,
  ContactsOutlined,
  FileSearchOutlined,
  ProfileOutlined,
  ToolOutlined,
  UserSwitchOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { AppRoute } from '../../app/route-types';
import { EquipmentDetailPage } from './equipment/EquipmentDetailPage';
import { EquipmentPage } from './equipment/EquipmentPage';
import { FaultCodesPage } from './master/FaultCodesPage';
import { TechniciansPage } from './master/TechniciansPage';
import { VendorsPage } from './master/VendorsPage';
import { PmPage } from './pm/PmPage';
import { ReportPage } from './report/ReportPage';
import { ReportsPage } from './reports/ReportsPage';
import { WORKERS } from './repair-format';
import { WorkOrderPage } from './work-orders/WorkOrderPage';
import { WorkOrdersPage } from './work-orders/WorkOrdersPage';

const group = 'nav.maintenance' as const;
const ADMINS = ['manager', 'admin'] as const;

/**
 * Repairs and maintenance. Everyone reports faults and follows their own
 * requests; technicians and managers work the lists, plans and reports;
 * managers and admins keep the master data (the API enforces the same roles).
 */
export const repairRoutes: AppRoute[] = [
  {
    path: '/repairs/report',
    label: 'repairs.nav.report',
    icon: <WarningOutlined />,
    roles: 'any',
    element: <ReportPage />,
    group,
  },
  // What an equipment's QR or a link opens: the report form for that equipment.
  {
    path: '/repairs/report/:code',
    label: 'repairs.nav.report',
    icon: null,
    roles: 'any',
    element: <ReportPage />,
    hidden: true,
  },
  {
    path: '/repairs/work-orders',
    label: 'repairs.nav.workOrders',
    icon: <ProfileOutlined />,
    roles: WORKERS,
    element: <WorkOrdersPage />,
    group,
  },
  {
    path: '/repairs/mine',
    label: 'repairs.nav.mine',
    icon: <FileSearchOutlined />,
    roles: ['clerk'],
    element: <WorkOrdersPage mineOnly />,
    group,
  },
  {
    path: '/repairs/work-orders/:id',
    label: 'repairs.nav.workOrders',
    icon: null,
    roles: 'any',
    element: <WorkOrderPage />,
    hidden: true,
  },
  {
    path: '/equipment',
    label: 'nav.equipment',
    icon: <ToolOutlined />,
    roles: 'any',
    element: <EquipmentPage />,
    group,
  },
  {
    path: '/equipment/:id',
    label: 'nav.equipment',
    icon: null,
    roles: 'any',
    element: <EquipmentDetailPage />,
    hidden: true,
  },
  {
    path: '/repairs/pm',
    label: 'repairs.nav.pm',
    icon: <CalendarOutlined />,
    roles: WORKERS,
    element: <PmPage />,
    group,
  },
  {
    path: '/repairs/reports',
    label: 'repairs.nav.reports',
    icon: <BarChartOutlined />,
    roles: WORKERS,
    element: <ReportsPage />,
    group,
  },
  {
    path: '/repairs/reports/:report',
    label: 'repairs.nav.reports',
    icon: null,
    roles: WORKERS,
    element: <ReportsPage />,
    hidden: true,
  },
  {
    path: '/repairs/fault-codes',
    label: 'repairs.nav.faultCodes',
    icon: <ApartmentOutlined />,
    roles: ADMINS,
    element: <FaultCodesPage />,
    group,
  },
  {
    path: '/repairs/technicians',
    label: 'repairs.nav.technicians',
    icon: <UserSwitchOutlined />,
    roles: ADMINS,
    element: <TechniciansPage />,
    group,
  },
  {
    path: '/repairs/vendors',
    label: 'repairs.nav.vendors',
    icon: <ContactsOutlined />,
    roles: ADMINS,
    element: <VendorsPage />,
    group,
  },
];
