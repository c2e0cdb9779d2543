import type { MethodInput, MethodOutput } from '../../src-shared/api';
import type { TestBackend } from './backend';
import {
  YUAN,
  approvedPo,
  createSupplier,
  offer,
  openProcurementStore,
  shanghaiDay,
  type ProcurementFixture,
} from './procurement';

export type LineInput = MethodInput<'invoices.create'>['lines'][number];

export interface InvoiceFixture extends ProcurementFixture {
  supplier: MethodOutput<'suppliers.create'>;
  po: MethodOutput<'po.get'>;
}

/**
 * SUP-A sells beef in 10 kg boxes (箱) at ¥400, rice in 25 kg bags (袋) at
 * ¥150 and paper cups in cases of 1000 at ¥120 (in the catalogue, not on the
 * order). An approved order for 3 boxes of beef and 2 bags of rice.
 */
export async function openInvoiceStore(): Promise<InvoiceFixture> {
  const fx = await openProcurementStore();
  const { t, items } = fx;
  const supplier = await createSupplier(t, 'SUP-A');
  await offer(t, supplier.id, items.beef, '箱', ['10', 'kg'], 400, { supplierCode: 'A-BEEF' });
  await offer(t, supplier.id, items.rice, '袋', ['25', 'kg'], 150, { supplierCode: 'A-RICE' });
  await offer(t, supplier.id, items.cups, '箱', ['1000', 'pc'], 120, { supplierCode: 'A-CUP' });
  const po = await approvedPo(t, supplier.id, [
    { itemId: items.beef, packs: '3' },
    { itemId: items.rice, packs: '2' },
  ]);
  return { ...fx, supplier, po };
}

/** Posts one receipt against the order: each line typed, part of it rejected as damaged when asked. */
export async function receive(
  t: TestBackend,
  poId: string,
  areaId: string,
  lines: { itemId: string; qty: string; unit: string; rejected?: [string, string] }[],
): Promise<MethodOutput<'receipts.get'>> {
  const r = await t.call('receipts.open', { poId, areaId });
  for (const l of lines) {
    const line = await t.call('receipts.addLine', {
      receiptId: r.id,
      line: {
        itemId: l.itemId,
        qty: l.qty,
        unit: l.unit,
        rejected: l.rejected ? { qty: l.rejected[0], unit: l.rejected[1], reason: 'damaged' } : null,
      },
    });
    await t.call('receipts.postLine', { lineId: line.id, confirm: true });
  }
  await t.call('receipts.finish', { receiptId: r.id });
  return t.call('receipts.get', { id: r.id });
}

/** An invoice line: quantity in `unit`, net price in yuan, tax rate in basis points (9% by default). */
export function line(itemId: string | null, qty: string, unit: string, price: number, extra: Partial<LineInput> = {}) {
  return { itemId, qty, unit, unitPrice: Math.round(price * YUAN), taxRate: 900, ...extra };
}

export function invoiceInput(
  fx: InvoiceFixture,
  number: string,
  lines: LineInput[],
  extra: Partial<MethodInput<'invoices.create'>> = {},
): MethodInput<'invoices.create'> {
  return { supplierId: fx.supplier.id, number, invoiceDay: shanghaiDay(), poId: fx.po.id, lines, ...extra };
}

/** Enters the invoice and matches it (as the signed-in user, who must be a manager or admin to match). */
export async function enterAndMatch(
  fx: InvoiceFixture,
  number: string,
  lines: LineInput[],
  extra: Partial<MethodInput<'invoices.create'>> = {},
): Promise<MethodOutput<'invoices.get'>> {
  const inv = await fx.t.call('invoices.create', invoiceInput(fx, number, lines, extra));
  return fx.t.call('invoices.match', { id: inv.id });
}

/** Row counts of the invoice tables a failed call must leave alone. */
export function invoiceCounts(t: TestBackend): Record<string, number> {
  const db = t.backend.database.sqlite;
  const tables = ['supplier_invoices', 'supplier_invoice_lines', 'invoice_claims', 'invoice_claim_lines'];
  return Object.fromEntries(
    tables.map((x) => [x, (db.prepare(`SELECT count(*) AS n FROM ${x}`).get() as { n: number }).n]),
  );
}
