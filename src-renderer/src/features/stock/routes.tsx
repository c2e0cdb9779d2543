import {
  AlertOutlined,
  DeleteOutlined,
  ExportOutlined,
  HistoryOutlined,
  ShoppingCartOutlined,
  StockOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import type { AppRoute } from '../../app/route-types';
import { ExpiryPage } from './ExpiryPage';
import { IssuePage } from './IssuePage';
import { MovesPage } from './MovesPage';
import { OnHandPage } from './OnHandPage';
import { ReorderPage } from './ReorderPage';
import { TransfersPage } from './TransfersPage';
import { WastePage } from './WastePage';

const POSTERS = ['clerk', 'manager', 'admin'] as const;

export const stockRoutes: AppRoute[] = [
  {
    path: '/stock',
    label: 'ops.nav.onHand',
    icon: <StockOutlined />,
    roles: 'any',
    element: <OnHandPage />,
    group: 'nav.inventory',
  },
  {
    path: '/stock/moves',
    label: 'ops.nav.moves',
    icon: <HistoryOutlined />,
    roles: 'any',
    element: <MovesPage />,
    group: 'nav.inventory',
  },
  {
    path: '/stock/issue',
    label: 'ops.nav.issue',
    icon: <ExportOutlined />,
    roles: POSTERS,
    element: <IssuePage />,
    group: 'nav.inventory',
  },
  {
    path: '/stock/waste',
    label: 'ops.nav.waste',
    icon: <DeleteOutlined />,
    roles: POSTERS,
    element: <WastePage />,
    group: 'nav.inventory',
  },
  {
    path: '/stock/transfers',
    label: 'ops.nav.transfers',
    icon: <SwapOutlined />,
    roles: 'any',
    element: <TransfersPage />,
    group: 'nav.inventory',
  },
  {
    path: '/stock/expiry',
    label: 'ops.nav.expiry',
    icon: <AlertOutlined />,
    roles: 'any',
    element: <ExpiryPage />,
    group: 'nav.inventory',
  },
  {
    path: '/stock/reorder',
    label: 'ops.nav.reorder',
    icon: <ShoppingCartOutlined />,
    roles: 'any',
    element: <ReorderPage />,
    group: 'nav.inventory',
  },
];
