import { eq, sql } from 'drizzle-orm';
import { BaseUnitSchema } from '../../../src-shared/api/methods/items';
import type { PoStatus } from '../../../src-shared/api/methods/procurement';
import type { LabelPrint } from '../../../src-shared/api/methods/devices';
import type { ReceiptLabel, ReceiptLineDto, ReceiptLineInput } from '../../../src-shared/api/methods/receiving';
import { purchaseOrderLines, receiptLines } from '../../db/schema';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { printAfterCommit, queueLabel, receivingTemplateId } from '../devices/labels';
import { loadItem, type ItemInfo } from '../ops/units';
import { refreshPoStatus } from '../procurement/po-status';
import { postMoves } from '../stock/post';
import { storeMoney } from '../store/money';
import { storeRow } from '../store/settings';
import { storeDay } from '../store/store-day';
import { receiptLabelData } from './label-data';
import { assertPostable, lineWarnings } from './receipt-checks';
import { nextLineNumber, requireDraft, resolveLine, type LineValues, type ResolvedLine } from './receipt-lines';
import { requireOpen, requireReceivablePo } from './receipt-open';
import {
  acceptedValue,
  labelOf,
  lineDto,
  lineLookups,
  lineRecord,
  receiptRecord,
  type ItemFacts,
  type LineRecord,
  type ReceiptRecord,
} from './receipt-read';
import { checkLiveWeight } from './weight-check';

/*
 * Posting a receipt line, the one way every post takes: the clerk's "post
 * line" (receiving.post, a new line or a draft one), a draft line from the
 * receipt (receipts.postLine) and a whole receipt (receipts.postAll). The
 * line is checked once, its warnings computed once, and it is written once:
 * a new line is inserted already posted, a draft one updated to posted.
 */

export interface PostOptions {
  /** The clerk accepts the quantity and price warnings. */
  confirm?: boolean | undefined;
  /** Why goods above the temperature limit are taken anyway (kept on the line). */
  tempOverride?: string | undefined;
}

/**
 * Field paths of the line being posted: resolveLine names them `line.field`
 * and postMoves `moves.0.field`; a posted draft reports plain `field`, a
 * whole receipt `lines.N.field`.
 */
function onLine<T>(prefix: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (!(err instanceof AppError) || !err.fields) throw err;
    const fields = err.fields.map((f) => ({ ...f, path: f.path.replace(/^(moves\.\d+|line)\./, prefix) }));
    throw new AppError(err.code, err.key, err.params, fields);
  }
}

/** The lot a lot-tracked line is received under when the clerk gave none: the receipt number and the line. */
const defaultLot = (r: ReceiptRecord, lineNo: number) => `${r.number}-${String(lineNo).padStart(2, '0')}`;

/** What a line's DTO shows of the item the poster has already read. */
const factsOf = (item: ItemInfo): ItemFacts => ({
  code: item.code,
  nameZh: item.nameZh,
  nameEn: item.nameEn,
  category: item.category,
  baseUnit: BaseUnitSchema.parse(item.baseUnit),
  lotTracked: !!item.lotTracked,
});

interface Posting {
  receipt: ReceiptRecord;
  /** The line as it will be stored, before what posting adds. */
  values: LineValues;
  /** The draft row being posted; null for a line the clerk posts as she enters it. */
  draft: LineRecord | null;
  lineNo: number;
  /** The item and order line the values were checked with. */
  resolved: ResolvedLine;
  opts: PostOptions;
  prefix: string;
}

/**
 * Refuses while a warning needs something; then the accepted quantity
 * (delivered minus rejected) becomes one ledger movement of kind 'receipt' at
 * the line's price, which moves the item's average cost (the rejected part
 * never enters stock), the line is written as posted, and the order line's
 * received quantity follows. All in the caller's transaction.
 */
function post(ctx: Ctx, p: Posting): LineRecord {
  const { receipt: r, resolved, prefix } = p;
  const line = {
    ...p.values,
    tempOverride: p.opts.tempOverride?.trim() || p.values.tempOverride,
    confirmed: p.values.confirmed || !!p.opts.confirm,
  };
  const poLine = line.poLineId ? resolved.poLine : null;
  const item = factsOf(resolved.item);
  const warnings = lineWarnings(ctx, line, item, { hasOrder: !!r.poId, line: poLine }, storeDay(ctx));
  assertPostable(warnings, line, !!p.opts.confirm, prefix, p.lineNo);

  const lot = line.lot || (item.lotTracked ? defaultLot(r, p.lineNo) : '');
  const accepted = line.qty - line.rejectedQty;
  const value = acceptedValue(line);
  let moveId: string | null = null;
  if (accepted > 0) {
    const [move] = onLine(prefix, () =>
      postMoves(ctx, [
        {
          itemId: line.itemId,
          areaId: line.areaId,
          kind: 'receipt',
          qty: accepted,
          value,
          lot,
          expiry: line.expiry,
          docType: 'receipt',
          docId: r.id,
          note: r.number,
        },
      ]),
    );
    moveId = move!.id;
  }
  const posting = {
    status: 'posted' as const,
    lot,
    value,
    moveId,
    confirmed: line.confirmed,
    tempOverride: line.tempOverride,
    postedAt: ctx.now,
    postedBy: ctx.user?.id ?? null,
    updatedAt: ctx.now,
  };
  const change = { receipt: r.number, lineNo: p.lineNo, accepted, rejected: line.rejectedQty, value, lot, moveId };
  let posted: LineRecord;
  if (p.draft) {
    posted = { ...p.draft, ...posting };
    ctx.db.update(receiptLines).set(posting).where(eq(receiptLines.id, posted.id)).run();
    ctx.changed({
      table: 'receipt_lines',
      id: posted.id,
      op: 'update',
      values: { status: 'posted', ...change },
      before: { status: 'draft' },
    });
  } else {
    posted = {
      ...line,
      ...posting,
      id: uuidv7(ctx.now),
      receiptId: r.id,
      lineNo: p.lineNo,
      createdAt: ctx.now,
      createdBy: ctx.user?.id ?? null,
    };
    ctx.db.insert(receiptLines).values(posted).run();
    ctx.changed({
      table: 'receipt_lines',
      id: posted.id,
      op: 'insert',
      values: { ...line, status: 'posted', ...change },
    });
  }
  if (line.poLineId && accepted > 0) {
    ctx.db
      .update(purchaseOrderLines)
      .set({ qtyReceived: sql`${purchaseOrderLines.qtyReceived} + ${accepted}` })
      .where(eq(purchaseOrderLines.id, line.poLineId))
      .run();
  }
  return posted;
}

/**
 * Posts a stored draft line. What may have changed since it was entered (the
 * order's status, an expiry that has passed overnight, item and area still
 * active) is checked again by resolving the stored line; the stored values
 * are what is posted.
 */
export function postDraft(ctx: Ctx, r: ReceiptRecord, l: LineRecord, opts: PostOptions, prefix: string): LineRecord {
  requireDraft(l, r.number);
  if (r.poId) requireReceivablePo(ctx, r.poId, 'poId');
  const resolved = onLine(prefix, () =>
    resolveLine(ctx, r, {
      itemId: l.itemId,
      poLineId: l.poLineId,
      areaId: l.areaId,
      ...(l.weighed
        ? { weighed: { gross: l.gross!, tare: l.tare!, stable: l.scaleStable === true } }
        : { qty: l.entryQty, unit: l.entryUnit }),
      price: l.price,
      priceUnit: l.priceUnit,
      expiry: l.expiry,
      rejected: l.rejectedQty ? { qty: l.rejectEntryQty, unit: l.rejectEntryUnit, reason: l.rejectReason } : null,
    }),
  );
  return post(ctx, { receipt: r, values: l, draft: l, lineNo: l.lineNo, resolved, opts, prefix });
}

export interface ReceiveInput extends PostOptions {
  receiptId: string;
  /** A draft line of the receipt to post... */
  lineId?: string | undefined;
  /** ...or the line as the clerk entered it, posted at once. */
  line?: ReceiptLineInput | undefined;
  /** false: post without a label (goods that are not labelled). */
  print: boolean;
  printerId?: string | undefined;
  copies: number;
}

export interface Received {
  line: ReceiptLineDto;
  label: ReceiptLabel;
  poStatus: PoStatus | null;
  /** The label job as it stands after the commit, printed or failed (null: no label asked for). */
  print: LabelPrint | null;
}

/**
 * The clerk's "post line": the line she entered (or a draft one) checked,
 * posted and its label queued, in the call's one transaction; the label
 * prints after the commit, so a printer out of paper never undoes a posted
 * line (the job stays in the history as not printed, to print again).
 */
export function receiveLine(ctx: Ctx, input: ReceiveInput): Received {
  if (!!input.line === !!input.lineId) throw new AppError('VALIDATION', 'receiving.error.lineOrNew');
  const r = receiptRecord(ctx, input.receiptId);
  let posted: LineRecord;
  let item: { id: string; facts: ItemFacts } | undefined;
  if (input.line) {
    const base = loadItem(ctx, input.line.itemId);
    // The weight posted must be the one the named scale shows now: checked before anything else.
    if (base && input.line.weighed) checkLiveWeight(ctx, input.line.weighed, BaseUnitSchema.parse(base.baseUnit));
    const resolved = resolveLine(ctx, r, input.line, 'line', base);
    if (r.poId) requireReceivablePo(ctx, r.poId, 'poId');
    item = { id: resolved.item.id, facts: factsOf(resolved.item) };
    const lineNo = nextLineNumber(ctx, r.id);
    posted = post(ctx, { receipt: r, values: resolved.values, draft: null, lineNo, resolved, opts: input, prefix: '' });
  } else {
    const draft = lineRecord(ctx, input.lineId!);
    if (draft.receiptId !== r.id) throw new AppError('NOT_FOUND');
    requireOpen(r);
    posted = postDraft(ctx, r, draft, input, '');
  }
  const poStatus = r.poId ? refreshPoStatus(ctx, r.poId) : null;
  // A line posted just now has no label job yet: the one queued below is the reply's `print`.
  const look = lineLookups(ctx, r.id, { item, labelJobs: new Map() });
  const line = lineDto(ctx, posted, r, look);
  const label = labelOf(ctx, posted, r, look);
  const print = input.print
    ? printAfterCommit(
        ctx,
        queueLabel(ctx, {
          templateId: receivingTemplateId(ctx.sqlite),
          printerId: input.printerId ?? null,
          data: receiptLabelData(label, storeRow(ctx.db)?.name ?? '', storeMoney(ctx).currency),
          copies: input.copies,
          sourceType: 'receipt_line',
          sourceId: posted.id,
        }),
      )
    : null;
  return { line, label, poStatus, print };
}
