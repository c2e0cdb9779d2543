import type { PoDto, PoLineInput } from '../../../src-shared/api/methods/procurement';
import { QTY_SCALE, formatQty, parseScaled } from '../../../src-shared/quantity';
import { uuidv7 } from '../../lib/ids';
import type { Ctx } from '../context';
import { fieldError } from '../ops/errors';
import { loadItem } from '../ops/units';
import { MAX_QTY } from '../stock/post';
import { catalogueEntry } from './catalogue';
import { addDays } from '../../../src-shared/time';
import { nextNumber } from './document-numbers';
import { storeDay } from '../store/store-day';
import { getPo, poRecord } from './po-read';
import { statusText } from './po-status';
import { requireActiveSupplier } from './suppliers';

export interface ResolvedPoLine {
  itemId: string;
  supplierCode: string;
  packUnit: string;
  packQty: number;
  packs: number;
  qtyOrdered: number;
  price: number;
  note: string;
}

/** The item's own purchase unit (the largest one marked purchase), else its base unit. */
function purchasePack(ctx: Ctx, itemId: string, baseUnit: string): { unit: string; factor: number } {
  const u = ctx.sqlite
    .prepare('SELECT unit, factor FROM item_units WHERE item_id = ? AND purchase = 1 ORDER BY factor DESC LIMIT 1')
    .get(itemId) as { unit: string; factor: number } | undefined;
  return u ?? { unit: baseUnit, factor: QTY_SCALE };
}

/**
 * Lines as the order keeps them: the supplier's pack and agreed price are
 * copied from the catalogue (a later price change does not touch a written
 * order); an item the supplier does not list is ordered in its own purchase
 * unit and needs a price. Packs may be fractional, but the quantity they make
 * must be exact in thousandths of the base unit.
 */
export function resolvePoLines(ctx: Ctx, supplierId: string, lines: readonly PoLineInput[]): ResolvedPoLine[] {
  const seen = new Map<string, number>();
  return lines.map((l, n) => {
    const path = `lines.${n}`;
    const item = loadItem(ctx, l.itemId);
    if (!item || !item.active) fieldError('VALIDATION', 'error.stock.item', `${path}.itemId`);
    if (seen.has(l.itemId)) {
      fieldError('VALIDATION', 'po.error.duplicateItem', `${path}.itemId`, {
        item: item.code,
        line: seen.get(l.itemId)! + 1,
      });
    }
    seen.set(l.itemId, n);
    const cat = catalogueEntry(ctx, supplierId, l.itemId);
    const offer = cat?.active ? cat : undefined;
    const pack = offer ? { unit: offer.packUnit, factor: offer.packQty } : purchasePack(ctx, item.id, item.baseUnit);
    const packs = parseScaled(l.packs, 1000);
    if (packs === null || packs <= 0) fieldError('VALIDATION', 'po.error.packs', `${path}.packs`, { packs: l.packs });
    const product = packs * pack.factor;
    if (!Number.isSafeInteger(product) || product / 1000 > MAX_QTY) {
      fieldError('VALIDATION', 'po.error.tooMuch', `${path}.packs`, {
        packs: l.packs,
        max: `${formatQty(MAX_QTY)} ${item.baseUnit}`,
      });
    }
    if (product % 1000 !== 0) {
      fieldError('VALIDATION', 'error.ops.precision', `${path}.packs`, {
        qty: l.packs,
        unit: pack.unit,
        min: formatQty(1),
        base: item.baseUnit,
      });
    }
    const price = l.price ?? offer?.price;
    if (price === undefined || price === null) {
      fieldError('VALIDATION', 'po.error.priceRequired', `${path}.price`, { item: item.code });
    }
    return {
      itemId: item.id,
      supplierCode: offer?.supplierCode ?? '',
      packUnit: pack.unit,
      packQty: pack.factor,
      packs,
      qtyOrdered: product / 1000,
      price,
      note: l.note ?? '',
    };
  });
}

function writeLines(ctx: Ctx, poId: string, lines: ResolvedPoLine[]): void {
  const ins = ctx.sqlite.prepare(
    `INSERT INTO purchase_order_lines (id, po_id, line_no, item_id, supplier_code, pack_unit, pack_qty, packs,
       qty_ordered, price, qty_received, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
  );
  lines.forEach((l, n) =>
    ins.run(
      uuidv7(ctx.now),
      poId,
      n + 1,
      l.itemId,
      l.supplierCode,
      l.packUnit,
      l.packQty,
      l.packs,
      l.qtyOrdered,
      l.price,
      l.note,
    ),
  );
}

/** Lines as text for the audit log: short enough to read, exact enough to compare. */
const auditLines = (lines: ResolvedPoLine[]) =>
  lines.map((l) => `${l.itemId} ${l.packs / 1000}x${l.packUnit} @${l.price}`).join('; ');

export interface PoHeaderInput {
  supplierId: string;
  expectedDay?: string | null;
  note?: string;
  lines: PoLineInput[];
}

/** Writes a new draft order (also used by "from reorder"); returns its id. */
export function insertPo(
  ctx: Ctx,
  i: { supplierId: string; expectedDay: string | null; note: string; source: 'manual' | 'reorder' },
  lines: ResolvedPoLine[],
): { id: string; number: string } {
  const id = uuidv7(ctx.now);
  const number = nextNumber(ctx, 'purchase_orders', 'PO');
  ctx.sqlite
    .prepare(
      `INSERT INTO purchase_orders (id, number, supplier_id, status, source, order_day, expected_day, note,
         created_at, created_by, updated_at) VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      number,
      i.supplierId,
      i.source,
      storeDay(ctx),
      i.expectedDay,
      i.note,
      ctx.now,
      ctx.user?.id ?? null,
      ctx.now,
    );
  writeLines(ctx, id, lines);
  ctx.changed({
    table: 'purchase_orders',
    id,
    op: 'insert',
    values: {
      number,
      supplierId: i.supplierId,
      source: i.source,
      expectedDay: i.expectedDay,
      lines: auditLines(lines),
    },
  });
  return { id, number };
}

/** The expected delivery day: as given, else today plus the supplier's lead time. */
function expectedDay(ctx: Ctx, given: string | null | undefined, leadTimeDays: number): string {
  return given ?? addDays(storeDay(ctx), leadTimeDays);
}

export function createPo(ctx: Ctx, i: PoHeaderInput): PoDto {
  const s = requireActiveSupplier(ctx, i.supplierId, 'supplierId');
  const lines = resolvePoLines(ctx, i.supplierId, i.lines);
  const { id } = insertPo(
    ctx,
    {
      supplierId: i.supplierId,
      expectedDay: expectedDay(ctx, i.expectedDay, s.leadTimeDays),
      note: i.note ?? '',
      source: 'manual',
    },
    lines,
  );
  return getPo(ctx, { id });
}

/** Only a draft can be edited; lines are replaced (they have no receipts yet). */
export function updatePo(ctx: Ctx, i: PoHeaderInput & { id: string }): PoDto {
  const before = poRecord(ctx, i.id);
  if (before.status !== 'draft') {
    fieldError('CONFLICT', 'po.error.notDraft', 'id', {
      number: before.number,
      status: statusText(ctx, before.status),
    });
  }
  const s = requireActiveSupplier(ctx, i.supplierId, 'supplierId');
  const lines = resolvePoLines(ctx, i.supplierId, i.lines);
  const day = expectedDay(ctx, i.expectedDay, s.leadTimeDays);
  ctx.sqlite
    .prepare('UPDATE purchase_orders SET supplier_id = ?, expected_day = ?, note = ?, updated_at = ? WHERE id = ?')
    .run(i.supplierId, day, i.note ?? '', ctx.now, i.id);
  ctx.sqlite.prepare('DELETE FROM purchase_order_lines WHERE po_id = ?').run(i.id);
  writeLines(ctx, i.id, lines);
  ctx.changed({
    table: 'purchase_orders',
    id: i.id,
    op: 'update',
    values: { supplierId: i.supplierId, expectedDay: day, note: i.note ?? '', lines: auditLines(lines) },
    before: { supplierId: before.supplierId, expectedDay: before.expectedDay, note: before.note },
  });
  return getPo(ctx, { id: i.id });
}
