import type { procurementMethods } from '../../../src-shared/api/methods/procurement';
import { listCatalogue, removeCatalogueItem, saveCatalogueItem } from '../../services/procurement/catalogue';
import { exportPo } from '../../services/procurement/po-export';
import { getPo, listPos } from '../../services/procurement/po-read';
import { poFromReorder } from '../../services/procurement/po-reorder';
import { approvePo, cancelPo, closeShortPo } from '../../services/procurement/po-status';
import { createPo, updatePo } from '../../services/procurement/po-write';
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
};
