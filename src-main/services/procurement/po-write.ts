import { and, desc, eq } from 'drizzle-orm';
import type { PoDto, PoLineInput } from '../../../src-shared/api/methods/procurement';
import { QTY_SCALE, formatQty, parseScaled } from '../../../src-shared/quantity';
import { addDays } from '../../../src-shared/time';
import { itemUnits, purchaseOrderLines, purchaseOrders } from '../../db/schema';
import { uuidv7 } from '../../lib/ids';
import type { Ctx } from '../context';
import { fieldError } from '../ops/errors';
import { loadItem } from '../ops/units';
import { MAX_QTY } from '../stock/post';
import { storeDay } from '../store/store-day';
import { catalogueEntry } from './catalogue';
import { nextNumber } from './document-numbers';
import { getPo, poRecord } from './po-read';
import { statusText } from './po-status';
import { requireActiveSupplier } from './suppliers';

/** A line as the order keeps it: its row but for the keys and what receipts fill in. */
export type ResolvedPoLine = Omit<typeof purchaseOrderLines.$inferSelect, 'id' | 'poId' | 'lineNo' | 'qtyReceived'>;

/** The item's own purchase unit (the largest one marked purchase), else its base unit. */
function purchasePack(ctx: Ctx, itemId: string, baseUnit: string): { unit: string; factor: number } {
  const u = ctx.db
    .select({ unit: itemUnits.unit, factor: itemUnits.factor })
    .from(itemUnits)
    .where(and(eq(itemUnits.itemId, itemId), eq(itemUnits.purchase, true)))
    .orderBy(desc(itemUnits.factor))
    .limit(1)
    .get();
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
  if (!lines.length) return;
  ctx.db
    .insert(purchaseOrderLines)
    .values(lines.map((l, n) => ({ ...l, id: uuidv7(ctx.now), poId, lineNo: n + 1, qtyReceived: 0 })))
    .run();
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
  ctx.db
    .insert(purchaseOrders)
    .values({
      id,
      number,
      supplierId: i.supplierId,
      status: 'draft',
      source: i.source,
      orderDay: storeDay(ctx),
      expectedDay: i.expectedDay,
      note: i.note,
      createdAt: ctx.now,
      createdBy: ctx.user?.id ?? null,
      updatedAt: ctx.now,
    })
    .run();
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
  ctx.db
    .update(purchaseOrders)
    .set({ supplierId: i.supplierId, expectedDay: day, note: i.note ?? '', updatedAt: ctx.now })
    .where(eq(purchaseOrders.id, i.id))
    .run();
  ctx.db.delete(purchaseOrderLines).where(eq(purchaseOrderLines.poId, i.id)).run();
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
