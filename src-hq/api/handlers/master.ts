import type { hqMasterMethods } from '../../../src-shared/hq-api/methods/master';
import {
  listItems,
  listSupplierItems,
  listSuppliers,
  saveItem,
  saveSupplier,
  saveSupplierItem,
  setSupplierItemPrice,
} from '../../services/master/catalogue';
import type { HqHandlersFor } from '../handler-types';

export const masterHandlers: HqHandlersFor<typeof hqMasterMethods> = {
  'items.list': { run: (call, input) => listItems(call.q, input.search) },
  'items.save': { run: (call, input) => saveItem(call.q, input, call.now, call.auditChange) },
  'suppliers.list': { run: (call) => listSuppliers(call.q) },
  'suppliers.save': { run: (call, input) => saveSupplier(call.q, input, call.now, call.auditChange) },
  'supplierItems.list': { run: (call, input) => listSupplierItems(call.q, input.supplierId) },
  'supplierItems.save': { run: (call, input) => saveSupplierItem(call.q, input, call.now, call.auditChange) },
  'supplierItems.setPrice': {
    async run(call, input) {
      await setSupplierItemPrice(call.q, input.id, input.price, call.now, call.auditChange);
      return { ok: true };
    },
  },
};
