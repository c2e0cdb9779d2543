import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openSetUpBackend, type TestBackend } from '../helpers/backend';

let t: TestBackend;
afterEach(() => t?.close());

const code = (n: number) => `BULK-${String(n).padStart(5, '0')}`;
function csv(from: number, to: number, nameEn: (n: number) => string): string {
  const rows = ['code,name_zh,name_en,category,base_unit'];
  for (let n = from; n <= to; n++) rows.push(`${code(n)},批量物品${n},${nameEn(n)},meat,g`);
  return rows.join('\n');
}

interface ImportDetail {
  input: { fileName: string; sha256: string; bytes: number; rows: number; created: number; updated: number };
  result: string;
  summary: { createdCodes: string[]; updatedCodes: string[]; changesOmitted: number };
  changes?: unknown[];
}

async function importEntries() {
  const rows = (await t.call('audit.list', { method: 'items.import', limit: 500 })).rows;
  return rows.map((r) => ({ method: r.method, size: Buffer.byteLength(r.detail), detail: JSON.parse(r.detail) }));
}

describe('audit of an item import', () => {
  it('writes a compact entry for 5,000 items (file hash, counts, codes) and the chain still verifies', async () => {
    t = await openSetUpBackend();
    await t.call('categories.create', { code: 'meat', nameZh: '肉类', nameEn: 'Meat' });
    const file = csv(1, 5000, (n) => `Bulk item ${n} with a fairly long English name for realism`);
    const base64 = Buffer.from(file).toString('base64');
    const r = await t.call('items.import', { fileName: 'bulk.csv', base64 });
    expect(r).toMatchObject({ applied: true, created: 5000, updated: 0 });

    const [entry, ...others] = await importEntries();
    expect(others).toEqual([]);
    expect(entry!.size).toBeLessThan(300 * 1024);
    const d = entry!.detail as ImportDetail;
    expect(d.input).toEqual({
      fileName: 'bulk.csv',
      sha256: createHash('sha256').update(file).digest('hex'),
      bytes: Buffer.byteLength(file),
      rows: 5000,
      created: 5000,
      updated: 0,
    });
    expect(d.summary.createdCodes).toHaveLength(5000);
    expect(d.summary.createdCodes[4999]).toBe('BULK-05000');
    expect(d.summary).toMatchObject({ updatedCodes: [], changesOmitted: 5000 });
    expect(d.result).toBe('applied');
    expect(d.changes).toBeUndefined();
    // The secret file content never reaches the log.
    expect(JSON.stringify(d)).not.toContain(base64.slice(0, 40));

    // 5,000 updates and one new item: still one entry (a call writes exactly one), all 5,001 codes in it.
    const again = csv(1, 5001, (n) => `Bulk item ${n} renamed`);
    expect(
      await t.call('items.import', { fileName: 'bulk-2.csv', base64: Buffer.from(again).toString('base64') }),
    ).toMatchObject({ applied: true, created: 1, updated: 5000 });
    const [newest, previous] = await importEntries();
    expect(previous!.detail).toEqual(d);
    expect(newest!.size).toBeLessThan(300 * 1024);
    const main = newest!.detail as ImportDetail;
    expect(main.input).toMatchObject({ fileName: 'bulk-2.csv', created: 1, updated: 5000 });
    expect(main.summary.createdCodes).toEqual(['BULK-05001']);
    expect(main.summary.updatedCodes).toHaveLength(5000);
    expect(new Set(main.summary.updatedCodes).size).toBe(5000);

    expect(await t.call('audit.verify', {})).toMatchObject({ ok: true, problems: [] });
  });

  it('keeps the per-item before and after of a small import', async () => {
    t = await openSetUpBackend();
    await t.call('categories.create', { code: 'meat', nameZh: '肉类', nameEn: 'Meat' });
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    await t.call('items.import', { fileName: 'a.csv', base64: b64(csv(1, 2, (n) => `Item ${n}`)) });
    await t.call('items.import', { fileName: 'b.csv', base64: b64(csv(1, 1, () => 'Renamed')) });
    const [latest] = await importEntries();
    const d = latest!.detail as ImportDetail;
    expect(d.summary).toMatchObject({ createdCodes: [], updatedCodes: ['BULK-00001'], changesOmitted: 0 });
    expect(d.changes).toEqual([
      expect.objectContaining({
        table: 'items',
        op: 'update',
        values: { nameEn: 'Renamed' },
        before: { nameEn: 'Item 1' },
      }),
    ]);
    expect((await t.call('audit.verify', {})).ok).toBe(true);
  });
});
