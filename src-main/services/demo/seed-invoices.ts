import { roundDiv } from '../../../src-shared/quantity';
import type { purchaseOrders } from '../../db/schema';
import { sql } from '../../db/sql';
import type { Ctx } from '../context';
import { rowsIn } from './table-rows';
import { createClaim } from '../invoices/claim';
import { prefillInvoice } from '../invoices/prefill';
import { runMatch } from '../invoices/status';
import { createInvoice } from '../invoices/write';
import { storeDay } from '../store/store-day';

/** The demo's first order of a supplier in a given status (the ones seed-procurement.ts received). */
const firstOrderOf = sql<
  Pick<typeof purchaseOrders.$inferSelect, 'id' | 'supplierId'>,
  [supplierCode: string, status: string]
>(
  `SELECT p.id, p.supplier_id AS supplierId FROM purchase_orders p JOIN suppliers s ON s.id = p.supplier_id
   WHERE s.code = ? AND p.status = ? ORDER BY p.created_at LIMIT 1`,
);
function demoOrder(ctx: Ctx, supplierCode: string, status: string) {
  return firstOrderOf.get(ctx.sqlite, supplierCode, status);
}

/**
 * Two supplier invoices for the demo's received orders, once (on a store
 * without any invoice): the drinks supplier bills exactly what came (13% VAT)
 * and is matched; the meat supplier bills its first item 5% above the order
 * price and two packs of the second of which one came (9% VAT), so the match
 * finds a price and a quantity discrepancy and a claim is raised for them.
 * Each goes through the real services in a savepoint: one the store's data
 * cannot take is skipped, not the whole demo.
 */
export function seedInvoices(
  ctx: Ctx,
): Record<'supplier_invoices' | 'supplier_invoice_lines' | 'invoice_claims' | 'invoice_claim_lines', number> {
  const tables = ['supplier_invoices', 'supplier_invoice_lines', 'invoice_claims', 'invoice_claim_lines'] as const;
  const before = Object.fromEntries(tables.map((t) => [t, rowsIn(ctx, t)])) as Record<(typeof tables)[number], number>;
  if (before.supplier_invoices === 0) {
    const day = storeDay(ctx);
    const plans = [
      { supplier: 'SUP-007', status: 'received', number: '44031187', rate: 1300, claim: false },
      { supplier: 'SUP-001', status: 'partial', number: '31205566', rate: 900, claim: true },
    ];
    for (const plan of plans) {
      const po = demoOrder(ctx, plan.supplier, plan.status);
      if (!po) continue;
      try {
        ctx.sqlite.transaction(() => {
          const pre = prefillInvoice(ctx, { poId: po.id });
          let lines = pre.lines.map(({ itemCode: _c, nameZh: _z, nameEn: _e, lineTotal: _t, ...l }) => ({
            ...l,
            taxRate: plan.rate,
          }));
          if (plan.claim) {
            // 5% over the agreed price (to ¥0.10) on the first line; the second as ordered (half of it came).
            lines = lines
              .slice(0, 2)
              .map((l, n) => (n === 0 ? { ...l, unitPrice: roundDiv(l.unitPrice * 105, 100 * 1000) * 1000 } : l));
          }
          const inv = createInvoice(ctx, {
            supplierId: po.supplierId,
            number: plan.number,
            invoiceDay: day,
            dueDay: null,
            poId: po.id,
            receiptId: null,
            note: '',
            lines,
          });
          const matched = runMatch(ctx, { id: inv.id });
          if (plan.claim && matched.status === 'draft') {
            createClaim(ctx, { invoiceId: inv.id, note: '请按差异金额开具红字发票。' });
          }
        })();
      } catch (err) {
        ctx.log.warn('demo invoice skipped', {
          supplier: plan.supplier,
          error: err instanceof Error ? err.message : String(err),
        });
      }
    }
  }
  return Object.fromEntries(tables.map((t) => [t, rowsIn(ctx, t) - before[t]])) as ReturnType<typeof seedInvoices>;
}
