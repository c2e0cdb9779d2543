/**
 * Label mutations are ordinary audited writes: the job row and its audit entry
 * commit together, and the printing runs after the commit (dispatch's
 * after-commit work), updating the job in its own small write.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mutation } from '../../../src-shared/api/contract';
import { createDispatch } from '../../../src-main/api/dispatch';
import type { PrintResult } from '../../../src-main/devices/printer/printer';
import { DeviceError } from '../../../src-main/services/devices/device-hub';
import { readDevices } from '../../../src-main/services/devices/registry';
import { openSetUpBackend, type TestBackend } from '../../helpers/backend';

let t: TestBackend;
afterEach(() => t?.close());

const EQUIPMENT = '01930000-0000-7000-8000-0000000e0001';

const audits = (method: string) =>
  t.backend.database.sqlite.prepare('SELECT detail FROM audit_log WHERE method = ? ORDER BY seq').all(method) as {
    detail: string;
  }[];

/** A store with one piece of equipment and one (inactive, stand-in) printer whose hub calls the test watches. */
async function setUp(print: () => Promise<PrintResult>) {
  t = await openSetUpBackend();
  const sqlite = t.backend.database.sqlite;
  sqlite
    .prepare(
      "INSERT INTO equipment (id, code, name, category, location, created_at, updated_at) VALUES (?, 'FRY-01', '炸炉', 'fryer', '热厨', 0, 0)",
    )
    .run(EQUIPMENT);
  const printer = await t.call('devices.save', {
    kind: 'printer',
    name: 'Label printer',
    protocol: 'tspl',
    connection: { kind: 'tcp', host: '127.0.0.1', port: 9 },
    isDefault: true,
    active: false,
    options: {},
  });
  const record = readDevices(sqlite).find((d) => d.id === printer.id)!;
  const seen: { inTransaction: boolean; jobs: { status: string }[] }[] = [];
  const hub = t.backend.devices;
  hub.printerFor = () => record;
  hub.print = async () => {
    seen.push({
      inTransaction: sqlite.inTransaction,
      jobs: sqlite.prepare('SELECT status FROM label_prints').all() as { status: string }[],
    });
    return print();
  };
  return { seen, printerId: printer.id };
}

const PRINTED: PrintResult = { status: { ready: true, faults: [] }, newFaults: [], bytesWritten: 100, ms: 1 };

describe('label mutations', () => {
  it('labels.printEquipment and labels.reprint each write exactly one audit entry, then print after the commit', async () => {
    const { seen, printerId } = await setUp(async () => PRINTED);
    const out = await t.call('labels.printEquipment', { equipmentId: EQUIPMENT });
    expect(out).toMatchObject({ status: 'printed', printerId, sourceType: 'equipment', sourceId: EQUIPMENT });
    const first = audits('labels.printEquipment');
    expect(first).toHaveLength(1);
    expect(JSON.parse(first[0]!.detail)).toMatchObject({
      input: { equipmentId: EQUIPMENT },
      changes: [{ table: 'label_prints', id: out.id, op: 'insert' }],
    });

    const again = await t.call('labels.reprint', { id: out.id });
    expect(again).toMatchObject({ status: 'printed', printerId });
    expect(again.id).not.toBe(out.id);
    const second = audits('labels.reprint');
    expect(second).toHaveLength(1);
    expect(JSON.parse(second[0]!.detail)).toMatchObject({
      input: { id: out.id },
      changes: [{ table: 'label_prints', id: again.id, op: 'insert' }],
    });
    // The printer was driven outside any transaction, with the job already committed as pending.
    expect(seen).toEqual([
      { inTransaction: false, jobs: [{ status: 'pending' }] },
      { inTransaction: false, jobs: [{ status: 'printed' }, { status: 'pending' }] },
    ]);
  });

  it('a printer fault after the commit keeps the job and its audit entry; the reply says why', async () => {
    await setUp(() => Promise.reject(new DeviceError('devices.error.offline')));
    const out = await t.call('labels.printEquipment', { equipmentId: EQUIPMENT });
    expect(out).toMatchObject({ status: 'failed', error: 'devices.error.offline' });
    expect(audits('labels.printEquipment')).toHaveLength(1);
    const history = await t.call('labels.history', { sourceId: EQUIPMENT });
    expect(history.map((h) => [h.id, h.status])).toEqual([[out.id, 'failed']]);
  });

  it('a failed label mutation writes neither job nor audit entry, and prints nothing', async () => {
    const { seen } = await setUp(async () => PRINTED);
    const err = await t.fail('labels.printEquipment', { equipmentId: '01930000-0000-7000-8000-0000000e9999' });
    expect(err.code).toBe('NOT_FOUND');
    expect(audits('labels.printEquipment')).toHaveLength(0);
    expect(seen).toHaveLength(0);
  });
});

describe('dispatch after-commit work', () => {
  it('runs after the commit, before the reply; its failure is logged and undoes nothing', async () => {
    t = await openSetUpBackend();
    const { database, host, log, events } = t.backend;
    const order: string[] = [];
    const dispatch = createDispatch({
      db: database.db,
      sqlite: database.sqlite,
      host,
      log,
      events,
      contracts: {
        'test.write': mutation({ input: z.object({}), output: z.object({ v: z.string() }), access: 'public' }),
      },
      handlers: {
        'test.write': {
          run: (ctx) => {
            ctx.sqlite.prepare("INSERT INTO meta (key, value) VALUES ('after', 'x')").run();
            const reply = { v: 'before' };
            ctx.afterCommit(() => {
              order.push(`first, in a transaction: ${ctx.sqlite.inTransaction}`);
              reply.v = 'after';
            });
            ctx.afterCommit(() => {
              order.push('second');
              throw new Error('printer on fire');
            });
            order.push('handler');
            return reply;
          },
        },
      },
    });
    const meta = { token: null, locale: 'en' as const, caller: { loopback: true, client: 't' } };
    const out = await dispatch('test.write', {}, meta);
    expect(out.result).toEqual({ ok: true, value: { v: 'after' } });
    expect(order).toEqual(['handler', 'first, in a transaction: false', 'second']);
    expect(database.sqlite.prepare("SELECT value FROM meta WHERE key = 'after'").get()).toEqual({ value: 'x' });
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(log.file, 'utf8')).toContain('printer on fire');
  });
});
