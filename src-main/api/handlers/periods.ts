import type { periodMethods } from '../../../src-shared/api/methods/periods';
import { closePeriods, listPeriods, reopenPeriod } from '../../services/stock/periods';
import type { HandlersFor } from '../handler-types';

export const periodHandlers: HandlersFor<typeof periodMethods> = {
  'periods.list': { run: (ctx) => listPeriods(ctx) },
  'periods.close': { run: closePeriods },
  'periods.reopen': { run: reopenPeriod },
};
