import type { procurementMethods } from '../../../src-shared/api/methods/procurement';
import { listCatalogue, removeCatalogueItem, saveCatalogueItem } from '../../services/procurement/catalogue';
import { exportPo } from '../../services/procurement/po-export';
import { getPo, listPos } from '../../services/procurement/po-read';
import { poFromReorder } from '../../services/procurement/po-reorder';
import { approvePo, cancelPo, closeShortPo } from '../../services/procurement/po-status';
import { createPo, updatePo } from '../../services/procurement/po-write';
import { addLine, removeLine, updateLine } from '../../services/procurement/receipt-lines';
import { cancelReceipt, finishReceipt, openReceipt } from '../../services/procurement/receipt-open';
import { postAll, postLine } from '../../services/procurement/receipt-post';
import { listReceipts } from '../../services/procurement/receipt-list';
import { getReceipt } from '../../services/procurement/receipt-read';
import { receivingSettings } from '../../services/procurement/receipt-settings';
import {
  createSupplier,
  getSupplierWithCatalogue,
  listSuppliers,
  updateSupplier,
} from '../../services/procurement/suppliers';
import type { HandlersFor } from '../handler-types';

export const procurementHandlers: HandlersFor<typeof procurementMethods> = {
  'suppliers.list': { run: listSuppliers },
  'suppliers.get': { run: getSupplierWithCatalogue },
  'suppliers.create': { run: createSupplier },
  'suppliers.update': { run: updateSupplier },
  'suppliers.catalogue': { run: listCatalogue },
  'suppliers.saveItem': { run: saveCatalogueItem },
  'suppliers.removeItem': { run: removeCatalogueItem },
  'po.list': { run: listPos },
  'po.get': { run: getPo },
  'po.create': { run: createPo },
  'po.update': { run: updatePo },
  'po.approve': { run: approvePo },
  'po.cancel': { run: cancelPo },
  'po.closeShort': { run: closeShortPo },
  'po.fromReorder': { run: poFromReorder },
  // A query (no transaction): building the XLSX or PDF is asynchronous.
  'po.export': { run: exportPo },
  'receipts.settings': { run: receivingSettings },
  'receipts.list': { run: listReceipts },
  'receipts.get': { run: getReceipt },
  'receipts.open': { run: openReceipt },
  'receipts.addLine': { run: addLine },
  'receipts.updateLine': { run: updateLine },
  'receipts.removeLine': { run: removeLine },
  'receipts.postLine': { run: postLine },
  'receipts.postAll': { run: postAll },
  'receipts.finish': { run: finishReceipt },
  'receipts.cancelDraft': { run: cancelReceipt },
};
