import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastColumnBomb } from '../helpers/xlsx-forge';
import { startHost, type RunningHost } from './support/host';

/**
 * The built host reads spreadsheets in its worker bundle (out/main/spreadsheet-worker.js):
 * a good file is read, the report's hostile one is refused, and the server goes on.
 */
let host: RunningHost;
let cookie = '';

beforeAll(async () => {
  host = await startHost();
});
afterAll(async () => {
  await host?.stop();
});

async function post(method: string, body: unknown) {
  const res = await fetch(`${host.url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify(body),
  });
  const set = res.headers.get('set-cookie');
  if (set) cookie = set.split(';')[0]!;
  return {
    status: res.status,
    body: (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } },
  };
}

describe('spreadsheet imports through the built host', () => {
  it('reads a good XLSX in the worker and refuses the XFD-on-every-row one with a clear message', async () => {
    await post('setup.initialize', {
      store: { code: 'UP-1', name: 'Uploads', address: '', timezone: 'Asia/Shanghai', currency: 'CNY' },
      admin: { username: 'boss', displayName: 'Boss', authKind: 'pin', secret: '1234' },
    });
    expect((await post('session.login', { username: 'boss', secret: '1234' })).status).toBe(200);
    await post('categories.create', { code: 'meat', nameZh: '肉类', nameEn: 'Meat' });

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('items');
    ws.addRow(['code', 'name_zh', 'name_en', 'category', 'base_unit']);
    ws.addRow(['UP-001', '牛腩', 'Brisket', 'meat', 'g']);
    const good = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const read = await post('items.import', { fileName: 'items.xlsx', base64: good, dryRun: true });
    expect(read.body).toMatchObject({ ok: true, value: { rows: 1, created: 1, errors: [] } });

    const started = Date.now();
    const bomb = await post('items.import', {
      fileName: 'items.xlsx',
      base64: lastColumnBomb(20_000).toString('base64'),
    });
    expect(bomb.status).toBe(400);
    expect(bomb.body.error!.message).toContain('Cell XFD1 has data, but only the first 256 columns');
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await post('system.ping', {})).status).toBe(200);
    expect(host.process.exitCode).toBeNull();
  });
});
