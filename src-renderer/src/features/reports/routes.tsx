import { AlertOutlined, AuditOutlined, BarChartOutlined, FundOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/route-types';
import { CountVariancePage } from './CountVariancePage';
import { SummaryPage } from './SummaryPage';
import { ValuationPage } from './ValuationPage';
import { WastePage } from './WastePage';

const roles = ['manager', 'admin'] as const;

export const reportRoutes: AppRoute[] = [
  {
    path: '/reports/summary',
    label: 'reports.nav.summary',
    icon: <BarChartOutlined />,
    roles,
    element: <SummaryPage />,
    group: 'reports.nav.group',
  },
  {
    path: '/reports/valuation',
    label: 'reports.nav.valuation',
    icon: <FundOutlined />,
    roles,
    element: <ValuationPage />,
    group: 'reports.nav.group',
  },
  {
    path: '/reports/counts',
    label: 'reports.nav.counts',
    icon: <AuditOutlined />,
    roles,
    element: <CountVariancePage />,
    group: 'reports.nav.group',
  },
  {
    path: '/reports/waste',
    label: 'reports.nav.waste',
    icon: <AlertOutlined />,
    roles,
    element: <WastePage />,
    group: 'reports.nav.group',
  },
];
