import { afterEach, describe, expect, it } from 'vitest';
import { asAdmin, signInAs } from '../helpers/procurement';
import { invoiceCounts, invoiceInput, line, openInvoiceStore, receive, type InvoiceFixture } from '../helpers/invoices';

let fx: InvoiceFixture;
afterEach(() => fx?.t.close());

describe('deleting a supplier invoice', () => {
  it('is a manager’s call, for drafts only: a matched invoice is corrected back to draft first', async () => {
    fx = await openInvoiceStore();
    const { t, items, areas, po } = fx;
    await receive(t, po.id, areas.cooler, [{ itemId: items.beef, qty: '2', unit: '箱' }]);
    await signInAs(t, 'clerk');
    const draft = await t.call('invoices.create', invoiceInput(fx, 'S-9', [line(items.beef, '2', '箱', 400)]));
    const before = invoiceCounts(t);
    expect((await t.fail('invoices.remove', { id: draft.id })).code).toBe('FORBIDDEN');

    await signInAs(t, 'manager');
    expect((await t.call('invoices.match', { id: draft.id })).status).toBe('matched');
    const matched = await t.fail('invoices.remove', { id: draft.id });
    expect(matched.code).toBe('CONFLICT');
    expect(matched.message).toBe(
      'Invoice S-9 is matched and cannot be deleted. Correct it and save (it becomes a draft again), then delete it.',
    );
    await asAdmin(t);
    expect((await t.fail('invoices.remove', { id: draft.id }, { locale: 'zh-CN' })).message).toContain('已匹配');
    expect(invoiceCounts(t)).toEqual(before);

    await signInAs(t, 'manager');
    const corrected = await t.call('invoices.update', {
      id: draft.id,
      ...invoiceInput(fx, 'S-9', [line(items.beef, '2', '箱', 400)]),
    });
    expect(corrected.status).toBe('draft');
    await t.call('invoices.remove', { id: draft.id });
    expect(invoiceCounts(t).supplier_invoices).toBe(before.supplier_invoices! - 1);
    const audit = t.backend.database.sqlite
      .prepare("SELECT username, detail FROM audit_log WHERE method = 'invoices.remove'")
      .get() as { username: string; detail: string };
    expect(audit.username).toBe('u-manager');
    expect(JSON.parse(audit.detail)).toMatchObject({ changes: [{ op: 'delete', before: { number: 'S-9' } }] });
  });
});
