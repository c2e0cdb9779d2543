import type { LineWarning } from '../../../src-shared/api/methods/receiving';
import { translate, type MessageKey } from '../../../src-shared/i18n';
import { sizeText } from '../../../src-shared/pack-size';
import { formatCurrency } from '../../../src-shared/money';
import { formatScaled } from '../../../src-shared/quantity';
import { storeMoney } from '../store/money';
import type { items, purchaseOrderLines, receiptLines } from '../../db/schema';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { storeSettings } from '../store/settings';
import { daysBetween } from '../../../src-shared/time';
import { tempRule } from './receipt-settings';

/** What the checks look at: a line as stored (draft or being posted). */
export type CheckedLine = Pick<
  typeof receiptLines.$inferSelect,
  | 'qty'
  | 'rejectedQty'
  | 'rejectReason'
  | 'price'
  | 'priceUnit'
  | 'priceFactor'
  | 'weighed'
  | 'scaleStable'
  | 'expiry'
  | 'tempC10'
  | 'tempOverride'
  | 'confirmed'
  | 'poLineId'
>;

export type CheckedItem = Pick<typeof items.$inferSelect, 'code' | 'baseUnit' | 'category'>;

/** The order line as the checks need it: what is still open and the agreed pack price. */
export type CheckedPoLine = Pick<
  typeof purchaseOrderLines.$inferSelect,
  'qtyOrdered' | 'qtyReceived' | 'price' | 'packQty' | 'packUnit'
>;

export const tempText = (c10: number) => `${formatScaled(c10, 10)} °C`;

/**
 * Warnings of one line. `needs` says what must happen before it can be posted:
 * - quantity above the tolerance over the open order quantity, or a price off
 *   the order's: the clerk confirms ('confirm'),
 * - a chilled/frozen item without a reading ('temperature') or above the
 *   store's limit ('tempOverride': a reason, or part rejected for temperature),
 * - an unstable scale weight ('reweigh').
 * The rest (short delivery, not on the order, short-dated) only informs.
 */
export function lineWarnings(
  ctx: Ctx,
  line: CheckedLine,
  item: CheckedItem,
  po: { hasOrder: boolean; line: CheckedPoLine | null },
  today: string,
): LineWarning[] {
  const s = storeSettings(ctx.db);
  const out: LineWarning[] = [];
  const q = (n: number) => sizeText(n, item.baseUnit);
  const add = (
    code: LineWarning['code'],
    needs: LineWarning['needs'],
    key: MessageKey,
    params?: Record<string, string | number>,
  ) => out.push({ code, needs, message: translate(ctx.locale, key, params) });
  const accepted = line.qty - line.rejectedQty;
  const pl = po.line;
  if (pl) {
    const open = Math.max(0, pl.qtyOrdered - pl.qtyReceived);
    const tol = s.receiveTolerancePercent;
    if (accepted * 100 > open * (100 + tol)) {
      add('overTolerance', 'confirm', 'receiving.warn.overTolerance', { qty: q(accepted), open: q(open), tol });
    } else if (accepted * 100 < open * (100 - tol)) {
      add('underTolerance', null, 'receiving.warn.underTolerance', { qty: q(accepted), open: q(open), tol });
    }
    // Prices per base unit compared exactly: line price / its factor vs order price / pack.
    if (BigInt(line.price) * BigInt(pl.packQty) !== BigInt(pl.price) * BigInt(line.priceFactor)) {
      add('priceDiffers', 'confirm', 'receiving.warn.priceDiffers', {
        price: `${formatCurrency(line.price, storeMoney(ctx))}/${line.priceUnit}`,
        poPrice: `${formatCurrency(pl.price, storeMoney(ctx))}/${pl.packUnit}`,
      });
    }
  } else if (po.hasOrder) {
    add('notOnOrder', null, 'receiving.warn.notOnOrder', { item: item.code });
  }
  const rule = tempRule(ctx, item.category, s);
  if (rule.limit !== null) {
    if (line.tempC10 === null) {
      add('tempMissing', 'temperature', 'receiving.warn.tempMissing', {
        cls: translate(ctx.locale, `receiving.temp.${rule.tempClass}`),
      });
    } else if (line.tempC10 > rule.limit * 10) {
      add('tempHigh', 'tempOverride', 'receiving.warn.tempHigh', {
        temp: tempText(line.tempC10),
        limit: tempText(rule.limit * 10),
      });
    }
  }
  if (line.weighed && line.scaleStable === false) add('unstable', 'reweigh', 'receiving.warn.unstable');
  if (line.expiry) {
    const left = daysBetween(today, line.expiry);
    if (left <= s.expiryAlertDays)
      add('shortDated', null, 'receiving.warn.shortDated', { expiry: line.expiry, days: left });
  }
  return out;
}

/** Why a warning still blocks posting, given what the clerk confirmed now or earlier; null when it does not. */
function blocking(w: LineWarning, line: CheckedLine, confirm: boolean): { field: string; key: MessageKey } | null {
  switch (w.needs) {
    case 'confirm':
      return confirm || line.confirmed ? null : { field: 'confirm', key: 'receiving.error.confirm' };
    case 'tempOverride':
      return line.tempOverride || (line.rejectedQty > 0 && line.rejectReason === 'temperature')
        ? null
        : { field: 'tempOverride', key: 'receiving.error.tempOverride' };
    case 'temperature':
      return { field: 'temperature', key: 'receiving.error.tempRequired' };
    case 'reweigh':
      return { field: 'weighed.stable', key: 'receiving.error.unstable' };
    default:
      return null;
  }
}

/**
 * Refuses to post while a warning needs something: one field issue per
 * warning (at `prefix` + field), each with the warning's own text, so the
 * screen shows all of them at once.
 */
export function assertPostable(
  warnings: LineWarning[],
  line: CheckedLine,
  confirm: boolean,
  prefix: string,
  lineNo: number,
): void {
  const issues = warnings.flatMap((w) => {
    const b = blocking(w, line, confirm);
    return b ? [{ ...b, warning: w.message }] : [];
  });
  if (!issues.length) return;
  const head = issues[0]!;
  throw new AppError(
    'VALIDATION',
    head.key,
    { line: lineNo, warning: head.warning },
    issues.map((i) => ({ path: prefix + i.field, key: i.key, params: { line: lineNo, warning: i.warning } })),
  );
}
