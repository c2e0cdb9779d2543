import type { receivingMethods } from '../../../src-shared/api/methods/receiving';
import { AppError } from '../../services/app-error';
import { writeAudit } from '../../services/audit/record';
import type { Change, Ctx } from '../../services/context';
import { queueLabel, receivingTemplateId, runLabelJob } from '../../services/devices/labels';
import { addLine, removeLine, updateLine } from '../../services/receiving/receipt-lines';
import { listReceipts } from '../../services/receiving/receipt-list';
import { cancelReceipt, finishReceipt, openReceipt } from '../../services/receiving/receipt-open';
import { postAll, postLine } from '../../services/receiving/receipt-post';
import { getReceipt, lineRecord } from '../../services/receiving/receipt-read';
import { receivingSettings } from '../../services/receiving/receipt-settings';
import { receiptLabelData } from '../../services/receiving/label-data';
import { resolveScan } from '../../services/receiving/scan';
import { checkLiveWeight } from '../../services/receiving/weight-check';
import { storeMoney } from '../../services/store/money';
import { storeRow } from '../../services/store/settings';
import type { HandlersFor, ParsedInput } from '../handler-types';

type PostInput = ParsedInput<'receiving.post'>;

/** Add (or take the draft) line, post it and queue its label: one transaction with its audit entry. */
function postAndQueue(ctx: Ctx, input: PostInput) {
  const changes: Change[] = [];
  const inner: Ctx = { ...ctx, changed: (c) => changes.push(c) };
  return ctx.sqlite
    .transaction(() => {
      let lineId = input.lineId;
      if (input.line) {
        if (lineId) throw new AppError('VALIDATION', 'receiving.error.lineOrNew');
        if (input.line.weighed) {
          const item = ctx.sqlite
            .prepare('SELECT base_unit AS baseUnit FROM items WHERE id = ?')
            .get(input.line.itemId) as { baseUnit: 'g' | 'ml' | 'pc' } | undefined;
          if (item) checkLiveWeight(inner, input.line.weighed, item.baseUnit);
        }
        lineId = addLine(inner, { receiptId: input.receiptId, line: input.line }).id;
      }
      if (!lineId) throw new AppError('VALIDATION', 'receiving.error.lineOrNew');
      if (lineRecord(inner, lineId).receiptId !== input.receiptId) throw new AppError('NOT_FOUND');
      const posted = postLine(inner, {
        lineId,
        ...(input.confirm !== undefined ? { confirm: input.confirm } : {}),
        ...(input.tempOverride ? { tempOverride: input.tempOverride } : {}),
      });
      const labelId = input.print
        ? queueLabel(inner, {
            templateId: receivingTemplateId(ctx.sqlite),
            printerId: input.printerId ?? null,
            data: receiptLabelData(posted.label, storeRow(ctx.db)?.name ?? '', storeMoney(ctx).currency),
            copies: input.copies,
            sourceType: 'receipt_line',
            sourceId: posted.line.id,
          })
        : null;
      writeAudit(inner, 'receiving.post', { input, changes });
      return { ...posted, labelId };
    })
    .immediate();
}

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
  'receiving.post': {
    // The label prints after the commit: a printer that is out of paper must not undo a posted line.
    tx: 'manual',
    run: async (ctx, input) => {
      const { labelId, ...posted } = postAndQueue(ctx, input);
      const print = labelId ? await runLabelJob(ctx.sqlite, ctx.devices, labelId, ctx.log, input.printerId) : null;
      return { ...posted, print };
    },
  },
};
