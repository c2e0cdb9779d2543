import type { opsMethods } from '../../../src-shared/api/methods/ops';
import { issueDoc, wasteDoc } from '../../services/ops/documents';
import { expiring } from '../../services/ops/expiry';
import { fefo, pickers } from '../../services/ops/pickers';
import { reorder } from '../../services/ops/reorder';
import {
  cancelTransfer,
  exportTransfer,
  importTransfer,
  listTransfers,
  receiveTransfer,
  transferOut,
} from '../../services/ops/transfers';
import type { HandlersFor } from '../handler-types';

export const opsHandlers: HandlersFor<typeof opsMethods> = {
  'ops.pickers': { run: pickers },
  'ops.fefo': { run: fefo },
  'ops.issue': { run: issueDoc },
  'ops.waste': { run: wasteDoc },
  'ops.transfers': { run: listTransfers },
  'ops.transferOut': { run: transferOut },
  'ops.transferExport': { run: exportTransfer },
  'ops.transferImport': { run: importTransfer },
  'ops.transferReceive': { run: receiveTransfer },
  'ops.transferCancel': { run: cancelTransfer },
  'ops.expiring': { run: expiring },
  'ops.reorder': { run: (ctx) => reorder(ctx) },
};
