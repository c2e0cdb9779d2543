/**
 * A file-transport printer through the API: it writes only in the printers
 * folder of the data directory (checked when saved, and again at every job, so
 * a device row edited by hand cannot escape), and the labels it gets carry the
 * store's day, not UTC's.
 */
import iconv from 'iconv-lite';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSetUpBackend, type TestBackend } from '../../helpers/backend';

let t: TestBackend;
let home: string;
afterEach(() => {
  t?.close();
  rmSync(home, { recursive: true, force: true });
});

/** 17:30 UTC on 1 March is 01:30 on 2 March in Shanghai (the test store's time zone). */
const NOW = Date.parse('2026-03-01T17:30:00Z');
const EQUIPMENT = '01930000-0000-7000-8000-0000000e0001';

function filePrinter(path: string) {
  return {
    kind: 'printer' as const,
    name: 'Training printer',
    protocol: 'tspl' as const,
    connection: { kind: 'file' as const, path },
    isDefault: true,
    active: true,
    options: {},
  };
}

async function setUp() {
  t = await openSetUpBackend({ now: () => NOW });
  home = mkdtempSync(join(tmpdir(), 'bo-home-'));
  const victim = join(home, '.bashrc');
  writeFileSync(victim, '# start file\n');
  return { victim, printers: join(t.dir, 'printers') };
}

describe('file printers', () => {
  it('refuses, when saved, a path outside the printers folder, saying where labels may go', async () => {
    const { victim, printers } = await setUp();
    for (const path of [victim, '../store.sqlite', '/dev/null']) {
      const err = await t.fail('devices.save', filePrinter(path));
      expect(err.code).toBe('VALIDATION');
      expect(err.fields).toEqual([{ path: 'connection.path', message: expect.stringContaining(printers) }]);
    }
    const zh = await t.fail('devices.save', filePrinter(victim), { locale: 'zh-CN' });
    expect(zh.fields![0]!.message).toContain('标签只能写入');
    expect(await t.call('devices.list', {})).toEqual([]);
    expect(readFileSync(victim, 'utf8')).toBe('# start file\n');
  });

  it("prints the test label and the equipment label into the folder, dated the store's day", async () => {
    const { printers } = await setUp();
    const printer = await t.call('devices.save', filePrinter('training.tspl'));
    expect(printer.connection).toEqual({ kind: 'file', path: 'training.tspl' });
    const out = await t.call('devices.testLabel', { id: printer.id });
    expect(out.bytes).toBeGreaterThan(0);
    const job = iconv.decode(readFileSync(join(printers, 'training.tspl')), 'gbk');
    expect(job).toContain('"日期 2026-03-02"');
    expect(job).not.toContain('2026-03-01');

    t.backend.database.sqlite
      .prepare(
        "INSERT INTO equipment (id, code, name, category, location, created_at, updated_at) VALUES (?, 'FRY-01', '炸炉', 'fryer', '热厨', 0, 0)",
      )
      .run(EQUIPMENT);
    const label = await t.call('labels.printEquipment', { equipmentId: EQUIPMENT });
    expect(label).toMatchObject({ status: 'printed', printerId: printer.id });
    expect(label.data.receivedDate).toBe('2026-03-02');
  });

  it('refuses at print time a path changed in the database by hand: the job fails and nothing is written there', async () => {
    const { victim } = await setUp();
    const printer = await t.call('devices.save', filePrinter('ok.tspl'));
    t.backend.database.sqlite
      .prepare('UPDATE devices SET connection = ? WHERE id = ?')
      .run(JSON.stringify({ kind: 'file', path: victim }), printer.id);
    t.backend.devices.reload();
    t.backend.database.sqlite
      .prepare(
        "INSERT INTO equipment (id, code, name, category, location, created_at, updated_at) VALUES (?, 'FRY-01', '炸炉', 'fryer', '热厨', 0, 0)",
      )
      .run(EQUIPMENT);
    const label = await t.call('labels.printEquipment', { equipmentId: EQUIPMENT });
    expect(label).toMatchObject({ status: 'failed', error: 'devices.error.filePath' });
    const test = await t.fail('devices.testLabel', { id: printer.id });
    expect(test.code).toBe('DEVICE_OFFLINE');
    expect(test.message).toMatch(/file path is not allowed/);
    expect(readFileSync(victim, 'utf8')).toBe('# start file\n');
    expect(existsSync(join(t.dir, 'printers', 'ok.tspl'))).toBe(false);
  });
});
