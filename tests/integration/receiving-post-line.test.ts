/**
 * The clerk's "post line" is one service (services/receiving/post-line.ts):
 * the line is checked once and written once (issue 10, point 2).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../src-main/services/context';
import { openInvoiceStore, type InvoiceFixture } from '../helpers/invoices';
import { YUAN } from '../helpers/procurement';

let fx: InvoiceFixture;
afterEach(() => fx?.t.close());

/** The changed rows of the newest audit entry of `method`. */
async function changesOf(method: string): Promise<Change[]> {
  const [entry] = (await fx.t.call('audit.list', { limit: 1, method })).rows;
  return (JSON.parse(entry!.detail) as { changes: Change[] }).changes;
}

const lineChanges = (changes: Change[]) => changes.filter((c) => c.table === 'receipt_lines');

describe('posting a receipt line', () => {
  it('inserts a line the clerk enters as posted: one write of the line, never a draft first', async () => {
    fx = await openInvoiceStore();
    const { t, items, areas, po } = fx;
    const receipt = await t.call('receipts.open', { poId: po.id, areaId: areas.cooler });
    const out = await t.call('receiving.post', {
      receiptId: receipt.id,
      line: { itemId: items.beef, qty: '2', unit: '箱' },
      print: false,
    });
    expect(out.line).toMatchObject({ status: 'posted', lineNo: 1, acceptedQty: 20_000_000, warnings: [] });
    expect(out.label).toMatchObject({ lineId: out.line.id, netQty: 20_000_000, price: 400 * YUAN });
    expect(out.poStatus).toBe('partial');
    expect(out.print).toBeNull();

    const lines = lineChanges(await changesOf('receiving.post'));
    expect(lines).toEqual([expect.objectContaining({ op: 'insert', id: out.line.id })]);
    expect(lines[0]!.values).toMatchObject({ status: 'posted', lineNo: 1, accepted: 20_000_000 });
    // What the reply says is what is stored, and what the desk reads back.
    const stored = (await t.call('receipts.get', { id: receipt.id })).lines;
    expect(stored).toEqual([out.line]);
    const row = t.backend.database.sqlite
      .prepare('SELECT created_at AS createdAt, posted_at AS postedAt, updated_at AS updatedAt FROM receipt_lines')
      .get() as Record<string, number>;
    expect(row.createdAt).toBe(row.postedAt);
    expect(row.updatedAt).toBe(row.postedAt);
  });

  it('posts a draft line with one update, checking it again against what changed since', async () => {
    fx = await openInvoiceStore();
    const { t, items, areas, po } = fx;
    const receipt = await t.call('receipts.open', { poId: po.id, areaId: areas.cooler });
    const draft = await t.call('receipts.addLine', {
      receiptId: receipt.id,
      line: { itemId: items.beef, qty: '4', unit: '箱' },
    });
    expect(draft.warnings.map((w) => w.code)).toEqual(['overTolerance']);
    // The quantity warning still needs the clerk's confirmation at posting time; refused, nothing is written.
    const refused = await t.fail('receiving.post', { receiptId: receipt.id, lineId: draft.id, print: false });
    expect(refused.fields?.map((f) => f.path)).toEqual(['confirm']);
    expect((await t.call('receipts.get', { id: receipt.id })).lines[0]!.status).toBe('draft');

    const out = await t.call('receiving.post', {
      receiptId: receipt.id,
      lineId: draft.id,
      confirm: true,
      print: false,
    });
    expect(out.line).toMatchObject({ id: draft.id, status: 'posted', confirmed: true });
    expect(lineChanges(await changesOf('receiving.post'))).toEqual([
      expect.objectContaining({ op: 'update', id: draft.id, before: { status: 'draft' } }),
    ]);
    // A line of another receipt, or both a line and a draft, is refused.
    const other = await t.call('receipts.open', { areaId: areas.cooler });
    expect((await t.fail('receiving.post', { receiptId: other.id, lineId: draft.id })).code).toBe('NOT_FOUND');
    expect(
      (
        await t.fail('receiving.post', {
          receiptId: receipt.id,
          lineId: draft.id,
          line: { itemId: items.beef, qty: '1', unit: '箱' },
        })
      ).code,
    ).toBe('VALIDATION');
  });
});
