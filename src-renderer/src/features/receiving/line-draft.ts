import type { MethodInput } from '../../../../src-shared/api';
import { MONEY_SCALE, parseScaled } from '../../../../src-shared/quantity';

/* What the receiving screen's parts share: the draft line, the live weight, a refusal's problems. */

export interface LiveWeight {
  scaleId: string;
  /** Thousandths of a gram, as the ledger counts. */
  gross: number;
  tare: number;
  stable: boolean;
}

/** Field paths of a post refusal that the clerk can answer on this screen. */
export interface PostProblems {
  messages: string[];
  needsConfirm: boolean;
  needsOverride: boolean;
}

/** The line the clerk is filling in: kept as typed until posted. */
export interface LineDraft {
  itemId: string | null;
  poLineId: string | null;
  mode: 'weigh' | 'type';
  qty: string;
  unit: string;
  lot: string;
  expiry: string;
  temperature: string;
  rejectQty: string;
  rejectReason: string;
  price: string;
  note: string;
}

export const EMPTY_DRAFT: LineDraft = {
  itemId: null,
  poLineId: null,
  mode: 'weigh',
  qty: '',
  unit: '',
  lot: '',
  expiry: '',
  temperature: '',
  rejectQty: '',
  rejectReason: '',
  price: '',
  note: '',
};

type LineInput = NonNullable<MethodInput<'receiving.post'>['line']>;

/**
 * The API line from the draft: a weighed line carries the scale's stable
 * reading (the server checks it is still what the scale shows), a typed
 * line its quantity and unit; rejected goods are in the same unit.
 */
export function draftToInput(d: LineDraft, live: LiveWeight | null, baseUnit: string): LineInput {
  const weighed = d.mode === 'weigh' && baseUnit === 'g';
  const temperature = d.temperature.trim() === '' ? null : Number(d.temperature.replace(',', '.'));
  const rejectUnit = weighed ? 'kg' : d.unit;
  const price = d.price.trim() ? parseScaled(d.price.trim(), MONEY_SCALE) : null;
  return {
    itemId: d.itemId!,
    ...(d.poLineId ? { poLineId: d.poLineId } : {}),
    ...(weighed && live
      ? { weighed: { gross: live.gross, tare: live.tare, stable: live.stable, scaleId: live.scaleId } }
      : { qty: d.qty.trim(), unit: d.unit }),
    ...(d.lot.trim() ? { lot: d.lot.trim() } : {}),
    ...(d.expiry ? { expiry: d.expiry } : {}),
    ...(temperature !== null && Number.isFinite(temperature) ? { temperature } : {}),
    ...(d.rejectQty.trim() && d.rejectReason
      ? { rejected: { qty: d.rejectQty.trim(), unit: rejectUnit, reason: d.rejectReason } }
      : {}),
    // A price typed here is per kg (weighed) or per the typed unit; empty = the order's or catalogue's price.
    ...(price !== null ? { price, priceUnit: weighed ? 'kg' : d.unit } : {}),
    ...(d.note.trim() ? { note: d.note.trim() } : {}),
  };
}
