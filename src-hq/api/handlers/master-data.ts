import type { hqMasterDataMethods } from '../../../src-shared/hq-api/methods/master-data';
import {
  listCategories,
  listFaults,
  listReasons,
  saveCategory,
  saveFault,
  saveReason,
} from '../../services/master/codes';
import { listEquipment, listVendors, saveEquipment, saveVendor } from '../../services/master/equipment';
import { masterHistory } from '../../services/master/history';
import { listLayouts, saveLayout } from '../../services/master/layouts';
import type { MasterWriter } from '../../services/master/save-row';
import { listUnits, removeBarcode, saveBarcode, saveUnit } from '../../services/master/units';
import type { HqCall, HqHandlersFor } from '../handler-types';

/** Each write's transaction, time and audit history: the dispatch owns all three. */
const writer = (call: HqCall): MasterWriter => ({ q: call.q, now: call.now, record: call.auditChange });

export const masterDataHandlers: HqHandlersFor<typeof hqMasterDataMethods> = {
  'master.categories.list': { run: (call) => listCategories(call.q) },
  'master.categories.save': { run: (call, input) => saveCategory(writer(call), input) },
  'master.units.list': { run: (call, input) => listUnits(call.q, input.itemId) },
  'master.units.save': { run: (call, input) => saveUnit(writer(call), input) },
  'master.barcodes.save': { run: (call, input) => saveBarcode(writer(call), input) },
  'master.barcodes.remove': {
    async run(call, input) {
      await removeBarcode(writer(call), input.barcode);
      return { ok: true };
    },
  },
  'master.reasons.list': { run: (call) => listReasons(call.q) },
  'master.reasons.save': { run: (call, input) => saveReason(writer(call), input) },
  'master.faults.list': { run: (call) => listFaults(call.q) },
  'master.faults.save': { run: (call, input) => saveFault(writer(call), input) },
  'master.vendors.list': { run: (call) => listVendors(call.q) },
  'master.vendors.save': { run: (call, input) => saveVendor(writer(call), input) },
  'master.equipment.list': { run: (call) => listEquipment(call.q, call.user) },
  'master.equipment.save': {
    async run(call, input) {
      call.auditStore(input.storeId);
      return saveEquipment(writer(call), call.user!, input);
    },
  },
  'master.layouts.list': { run: (call) => listLayouts(call.q) },
  'master.layouts.save': { run: (call, input) => saveLayout(writer(call), input) },
  'master.history': { run: (call, input) => masterHistory(call.q, call.user!, input.table, input.key) },
};
