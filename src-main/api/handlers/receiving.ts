import type { receivingMethods } from '../../../src-shared/api/methods/receiving';
import { receiveLine } from '../../services/receiving/post-line';
import { addLine, removeLine, updateLine } from '../../services/receiving/receipt-lines';
import { listReceipts } from '../../services/receiving/receipt-list';
import { cancelReceipt, finishReceipt, openReceipt } from '../../services/receiving/receipt-open';
import { postAll, postLine } from '../../services/receiving/receipt-post';
import { getReceipt } from '../../services/receiving/receipt-read';
import { receivingSettings } from '../../services/receiving/receipt-settings';
import { resolveScan } from '../../services/receiving/scan';
import type { HandlersFor } from '../handler-types';

export const receivingHandlers: HandlersFor<typeof receivingMethods> = {
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
  'receiving.scan': { run: resolveScan },
  'receiving.post': { run: receiveLine },
};
