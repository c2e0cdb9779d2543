import type { hqRepairMethods } from '../../../src-shared/hq-api/methods/repairs';
import { actOnWorkOrder } from '../../services/repairs/act';
import { workOrderDetail } from '../../services/repairs/detail';
import { listWorkOrders } from '../../services/repairs/list';
import type { HqHandlersFor } from '../handler-types';

export const repairHandlers: HqHandlersFor<typeof hqRepairMethods> = {
  'repairs.list': { run: (call, input) => listWorkOrders(call.q, call.user, input, call.now) },
  'repairs.detail': {
    run: (call, input) => workOrderDetail(call.q, input.storeId, input.workOrderId, call.user?.role ?? null, call.now),
  },
  'repairs.act': {
    async run(call, input) {
      call.auditStore(input.storeId);
      await actOnWorkOrder(call.hq, call.q, input, call.user, call.locale);
      return { ok: true };
    },
  },
};
