import type { hqOpsMethods } from '../../../src-shared/hq-api/methods/ops';
import { closePeriod, listPeriods } from '../../services/periods';
import { editWorkOrder, WorkOrderEditError } from '../../services/work-orders/edit';
import { HqApiError } from '../errors';
import type { HqHandlersFor } from '../handler-types';

export const opsHandlers: HqHandlersFor<typeof hqOpsMethods> = {
  'periods.list': { run: (call) => listPeriods(call.q) },
  'periods.close': {
    async run(call, input) {
      if (input.storeId) call.auditStore(input.storeId);
      await closePeriod(call.q, input.month, input.storeId ?? null, call.user?.id ?? null, call.now);
      return { ok: true };
    },
  },
  'workOrders.edit': {
    async run(call, input) {
      call.auditStore(input.storeId);
      try {
        await editWorkOrder(call.hq, call.q, {
          storeId: input.storeId,
          workOrderId: input.workOrderId,
          fields: input.fields,
          userId: call.user?.id ?? null,
          note: input.note,
        });
      } catch (err) {
        if (err instanceof WorkOrderEditError && err.reason === 'notFound') {
          throw new HqApiError('NOT_FOUND', 'hq.error.workOrderNotFound');
        }
        throw err;
      }
      return { ok: true };
    },
  },
};
