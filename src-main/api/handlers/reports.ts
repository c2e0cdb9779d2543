import type { reportMethods } from '../../../src-shared/api/methods/reports';
import { countVariance, postedCounts } from '../../services/reports/count-variance';
import { reportFilters } from '../../services/reports/filters';
import { periodSummary } from '../../services/reports/summary';
import { valuationAt } from '../../services/reports/valuation';
import { wasteReport } from '../../services/reports/waste';
import { buildXlsx } from '../../services/reports/xlsx';
import { storeMoney } from '../../services/store/money';
import type { HandlersFor } from '../handler-types';

export const reportHandlers: HandlersFor<typeof reportMethods> = {
  'reports.filters': { run: reportFilters },
  'reports.summary': { run: periodSummary },
  'reports.valuation': { run: valuationAt },
  'reports.waste': { run: wasteReport },
  'reports.postedCounts': { run: postedCounts },
  'reports.countVariance': { run: countVariance },
  'reports.xlsx': { run: (ctx, i) => buildXlsx(i, storeMoney(ctx)) },
};
