import type { DiscrepancyKind, InvoiceLineDto, MatchLineDto } from '../../../src-shared/api/methods/invoices';
import { qtyInUnit, rateText } from '../../../src-shared/invoices';
import { MONEY_SCALE, formatScaled } from '../../../src-shared/quantity';
import {
  AMOUNT_TOLERANCE,
  PRICE_TOLERANCE_BP,
  linesTax,
  priceIn,
  taxOn,
  toCents,
  valueAt,
  withinPercent,
} from './rules';

/**
 * The three-way match as a pure function of the invoice and what the store
 * knows about the goods (match-data.ts loads it). Language-neutral: each
 * reason carries the message key and preformatted figures; messages are
 * rendered when the result is read.
 *
 * Per invoice line, for its item:
 * - what may be paid is what was received (accepted at the door) and not yet
 *   billed by another invoice of the order, taken line by line;
 * - billed beyond that is "billed for rejected goods" up to what was rejected,
 *   then "not received" (nothing accepted) or "billed more than received";
 *   an item that is not on the order and was not received is "not ordered";
 * - the price is the order's (else the catalogue's, else the receipt's);
 *   above it, beyond the tolerance (rules.ts), is "price above agreed";
 * - the line's amount must be qty x price (to the cent).
 * What is claimed for the line is its printed amount less what should have
 * been billed (the payable quantity at the right price), to the cent, plus
 * the tax on it. The invoice's printed totals are checked against its lines;
 * an overstated total is claimed too.
 */

export interface SourceItem {
  itemId: string;
  itemCode: string;
  nameZh: string;
  nameEn: string;
  baseUnit: 'g' | 'ml' | 'pc';
  poLines: { id: string; lineNo: number; qtyOrdered: number }[];
  /** Accepted and rejected in the receipts matched (the invoice's receipt, else all the order's). */
  received: number;
  rejected: number;
  /** Received, less what other invoices already billed (never below zero). */
  available: number;
  /** Price and the thousandths of the base unit it is for. */
  agreed: { price: number; factor: number } | null;
  receiptPrice: { price: number; factor: number } | null;
  receipts: string[];
}

export interface MatchInput {
  poNumber: string | null;
  stated: { net: number; tax: number; gross: number };
  lines: readonly InvoiceLineDto[];
  sources: ReadonlyMap<string, SourceItem>;
}

export interface RawKind {
  kind: DiscrepancyKind;
  /** Money this reason accounts for (0 = noted only). */
  amount: number;
  /** Message key suffix: invoices.kind.<text>. */
  text: string;
  params: Record<string, string>;
}

export type RawMatchLine = Omit<MatchLineDto, 'kinds'> & { kinds: RawKind[] };

export interface RawMatch {
  lines: RawMatchLine[];
  header: {
    statedNet: number;
    statedTax: number;
    statedGross: number;
    computedNet: number;
    computedTax: number;
    computedGross: number;
    claimGross: number;
    kinds: RawKind[];
  };
  notBilled: {
    itemId: string;
    itemCode: string;
    nameZh: string;
    nameEn: string;
    baseUnit: 'g' | 'ml' | 'pc';
    qty: number;
    value: number;
  }[];
  totals: { invoiced: number; matched: number; disputed: number };
  discrepancies: number;
}

/**
 * Money params are kept as exact plain amounts: the match is stored, and the
 * store's currency (its symbol and decimals) is applied when a message is
 * read (read.ts), so a later change of currency shows everywhere.
 */
const yuan = (v: number) => formatScaled(v, MONEY_SCALE);
/** The params of the invoices.kind.* messages that are money. */
export const MONEY_PARAMS: ReadonlySet<string> = new Set([
  'amount',
  'price',
  'agreed',
  'total',
  'computed',
  'diff',
  'stated',
]);

function matchLine(
  l: InvoiceLineDto,
  src: SourceItem | undefined,
  input: MatchInput,
  pools: Map<string, { available: number; rejected: number }>,
): RawMatchLine {
  const F = l.unitFactor;
  const B = l.qty;
  const P = l.unitPrice;
  const T = l.lineTotal;
  const q = (qty: number) => qtyInUnit(qty, l.unit, F, l.baseUnit);
  const kinds: RawKind[] = [];
  const hasPo = input.poNumber !== null;
  const onOrder = !!src?.poLines.length;

  let pool = { available: 0, rejected: 0 };
  if (src) {
    pool = pools.get(src.itemId) ?? { available: src.available, rejected: src.rejected };
    pools.set(src.itemId, pool);
  }
  const S = Math.min(B, pool.available);
  pool.available -= S;
  const excess = B - S;

  const Pa = src?.agreed ? priceIn(src.agreed.price, src.agreed.factor, F) : null;
  const Pr = src?.receiptPrice ? priceIn(src.receiptPrice.price, src.receiptPrice.factor, F) : null;
  const computed = valueAt(B, P, F);

  // Quantity: the part billed beyond what may be paid, split by why.
  if (excess > 0) {
    const rejectedPart = Math.min(excess, pool.rejected);
    pool.rejected -= rejectedPart;
    const rest = excess - rejectedPart;
    const rejectedMoney = computed - valueAt(B - rejectedPart, P, F);
    const restMoney = computed - valueAt(S, P, F) - rejectedMoney;
    if (rejectedPart > 0) {
      kinds.push({
        kind: 'rejectedBilled',
        amount: rejectedMoney,
        text: 'rejectedBilled',
        params: { qty: q(rejectedPart), amount: yuan(rejectedMoney), receipts: src?.receipts.join(', ') ?? '' },
      });
    }
    if (rest > 0) {
      const params = { billed: q(B), qty: q(rest), available: q(S), amount: yuan(restMoney), po: input.poNumber ?? '' };
      if (!src || src.received === 0) {
        if (hasPo && !onOrder) kinds.push({ kind: 'notOrdered', amount: restMoney, text: 'notOrdered', params });
        else kinds.push({ kind: 'notReceived', amount: restMoney, text: 'notReceived', params });
      } else {
        kinds.push({ kind: 'overBilled', amount: restMoney, text: 'overBilled', params });
      }
    }
  }
  if (hasPo && !onOrder && S > 0) {
    // Goods the clerk accepted at the door without an order line: payable, but worth a look.
    kinds.push({
      kind: 'notOrdered',
      amount: 0,
      text: 'notOrderedReceived',
      params: { qty: q(S), po: input.poNumber ?? '' },
    });
  }

  // Price: above the agreed one beyond the tolerance pays the agreed price on the payable quantity.
  let Pe = P;
  if (Pa !== null && P > Pa) {
    const over = valueAt(S, P, F) - valueAt(S, Pa, F);
    if (over > AMOUNT_TOLERANCE && !withinPercent(P, Pa)) {
      Pe = Pa;
      kinds.push({
        kind: 'priceAbove',
        amount: over,
        text: 'priceAbove',
        params: {
          price: yuan(P),
          agreed: yuan(Pa),
          unit: l.unit,
          qty: q(S),
          amount: yuan(over),
          tol: rateText(PRICE_TOLERANCE_BP),
        },
      });
    }
  }

  // The line's own arithmetic.
  const arith = T - computed;
  if (Math.abs(arith) > AMOUNT_TOLERANCE) {
    kinds.push({
      kind: 'lineArithmetic',
      amount: Math.max(0, arith),
      text: 'lineArithmetic',
      params: { total: yuan(T), qty: q(B), price: yuan(P), unit: l.unit, computed: yuan(computed), diff: yuan(arith) },
    });
  }

  const costs = kinds.some((k) => k.amount > 0);
  const claimNet = costs ? Math.max(0, toCents(T - valueAt(S, Pe, F))) : 0;
  const claimTax = taxOn(claimNet, l.taxRate);
  const status: MatchLineDto['status'] = claimNet > 0 ? 'discrepancy' : kinds.length ? 'warning' : 'matched';
  const first = src?.poLines[0];
  return {
    lineId: l.id,
    lineNo: l.lineNo,
    status,
    itemId: l.itemId,
    itemCode: l.itemCode,
    nameZh: l.nameZh,
    nameEn: l.nameEn,
    description: l.description,
    baseUnit: l.baseUnit,
    unit: l.unit,
    unitFactor: F,
    poLineId: first?.id ?? null,
    poLineNo: first?.lineNo ?? null,
    ordered: hasPo ? (src?.poLines.reduce((s, p) => s + p.qtyOrdered, 0) ?? 0) : null,
    received: src?.received ?? 0,
    rejected: src?.rejected ?? 0,
    available: S + pool.available,
    billed: B,
    billedPrice: P,
    agreedPrice: Pa,
    receiptPrice: Pr,
    billedAmount: T,
    shouldQty: S,
    shouldPrice: Pe,
    shouldAmount: T - claimNet,
    claimNet,
    taxRate: l.taxRate,
    claimTax,
    receipts: src?.receipts ?? [],
    kinds,
  };
}

/** The printed totals against the lines as printed. */
function matchHeader(input: MatchInput): RawMatch['header'] {
  const { net: N, tax: X, gross: G } = input.stated;
  const sumLines = input.lines.reduce((s, l) => s + l.lineTotal, 0);
  const { perLine, perRate } = linesTax(input.lines);
  const computedTax = Math.abs(X - perRate) < Math.abs(X - perLine) ? perRate : perLine;
  const kinds: RawKind[] = [];
  const check = (kind: 'netTotal' | 'taxTotal' | 'grossTotal', stated: number, computed: number) => {
    const diff = stated - computed;
    if (Math.abs(diff) > AMOUNT_TOLERANCE) {
      kinds.push({
        kind,
        amount: Math.max(0, diff),
        text: kind,
        params: { stated: yuan(stated), computed: yuan(computed), diff: yuan(diff) },
      });
    }
  };
  check('netTotal', N, sumLines);
  check('taxTotal', X, computedTax);
  check('grossTotal', G, N + X);
  const computedGross = sumLines + computedTax;
  const claimGross = kinds.length ? Math.max(0, toCents(G - computedGross)) : 0;
  return {
    statedNet: N,
    statedTax: X,
    statedGross: G,
    computedNet: sumLines,
    computedTax,
    computedGross,
    claimGross,
    kinds,
  };
}

export function matchInvoice(input: MatchInput): RawMatch {
  const pools = new Map<string, { available: number; rejected: number }>();
  const lines = input.lines.map((l) => matchLine(l, l.itemId ? input.sources.get(l.itemId) : undefined, input, pools));
  const header = matchHeader(input);
  const notBilled: RawMatch['notBilled'] = [];
  for (const src of input.sources.values()) {
    const left = pools.get(src.itemId)?.available ?? src.available;
    if (left <= 0) continue;
    const price = src.agreed ?? src.receiptPrice;
    notBilled.push({
      itemId: src.itemId,
      itemCode: src.itemCode,
      nameZh: src.nameZh,
      nameEn: src.nameEn,
      baseUnit: src.baseUnit,
      qty: left,
      value: price ? valueAt(left, price.price, price.factor) : 0,
    });
  }
  const disputed = lines.reduce((s, l) => s + l.claimNet + l.claimTax, 0) + header.claimGross;
  const discrepancies = lines.filter((l) => l.status === 'discrepancy').length + (header.claimGross > 0 ? 1 : 0);
  return {
    lines,
    header,
    notBilled,
    totals: { invoiced: input.stated.gross, matched: input.stated.gross - disputed, disputed },
    discrepancies,
  };
}
