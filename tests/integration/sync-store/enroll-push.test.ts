import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { uuidv7 } from '../../../src-main/lib/ids';
import { openSetUpBackend } from '../../helpers/backend';
import { DB_KINDS, stopTestPostgres } from '../../helpers/hq-db';
import { startTestHq, type TestHq } from '../../helpers/hq';
import { seedStockFixture, postStock } from '../../helpers/stock';
import { enroll, hqMaster, Line, mirror, openStore, row, rows } from './harness';

const KG = 1000;
const YUAN = 10_000;

const item = (id: string, code: string, nameZh: string) => ({
  id,
  code,
  name_zh: nameZh,
  name_en: code,
  category: 'test',
  base_unit: 'g',
  active: 1,
  shelf_life_days: null,
  lot_tracked: 0,
});

afterAll(stopTestPostgres);

describe.each(DB_KINDS)('store enrollment and push against a real HQ (HQ on %s)', (kind) => {
  let hq: TestHq;
  beforeAll(async () => {
    hq = await startTestHq({ kind });
  });
  afterAll(() => hq?.close());

  it('previews the match plan with its conflicts, confirms, and keeps the credential in the database only', async () => {
    const line = new Line();
    const t = await openStore(line);
    try {
      const fx = seedStockFixture(t);
      // HQ knows beef under another id with another name (a conflict), and rice as the store has it (matched).
      const hqBeef = uuidv7();
      const hqRice = uuidv7();
      await hqMaster(hq, 'items', item(hqBeef, 'T-BEEF', '雪花肥牛'));
      await hqMaster(hq, 'items', { ...item(hqRice, 'T-RICE', '大米'), name_en: 'Rice' });
      const { enrollmentCode } = await hq.createStore();
      const input = { hqUrl: hq.url, code: enrollmentCode };

      const plan = await t.call('sync.enrollPreview', input);
      const items = plan.plans.find((p) => p.table === 'items')!;
      expect(items.matched).toEqual([{ code: 'T-RICE', localId: fx.items.rice, hqId: hqRice }]);
      expect(items.conflicts).toEqual([
        {
          code: 'T-BEEF',
          localId: fx.items.beef,
          hqId: hqBeef,
          fields: [
            { column: 'name_zh', store: '肥牛卷', hq: '雪花肥牛' },
            { column: 'name_en', store: 'Beef rolls', hq: 'T-BEEF' },
          ],
        },
      ]);
      expect(items.adopted.map((a) => a.code).sort()).toEqual(['T-CUP', 'T-FISH']);
      // A preview changes nothing here.
      expect((await t.call('sync.status', {})).enrolled).toBe(false);

      const status = await t.call('sync.enrollConfirm', { ...input, planHash: plan.planHash });
      expect(status).toMatchObject({ enrolled: true, hqUrl: `${hq.url}/` });
      const state = row(t, 'SELECT credential, store_id AS storeId FROM sync_state');
      expect(state?.credential).toMatch(/.{32,}/);
      // No answer ever carries the credential, nor does the audit log.
      const secret = String(state!.credential);
      expect(JSON.stringify(status)).not.toContain(secret);
      expect(JSON.stringify(await t.call('sync.enrollment', {}))).not.toContain(secret);
      const audit = rows(t, "SELECT method, detail FROM audit_log WHERE method LIKE 'sync.%' ORDER BY seq");
      expect(audit.map((a) => a.method)).toEqual(['sync.enrollPreview', 'sync.enrollConfirm']);
      expect(JSON.stringify(audit)).not.toContain(secret);
      expect(JSON.stringify(audit)).not.toContain(enrollmentCode);
      // The report keeps the store's losing values.
      const report = await t.call('sync.enrollment', {});
      expect(report!.plans.find((p) => p.table === 'items')!.conflicts[0]!.fields[0]).toEqual({
        column: 'name_zh',
        store: '肥牛卷',
        hq: '雪花肥牛',
      });
      expect(rows(t, 'SELECT local_id AS l, hq_id AS h FROM sync_id_map ORDER BY l')).toEqual(
        [
          { l: fx.items.beef, h: hqBeef },
          { l: fx.items.rice, h: hqRice },
        ].sort((a, b) => (a.l < b.l ? -1 : 1)),
      );
      // A used code cannot enroll again; the refusal is translated and says what to do.
      const again = await t.fail('sync.enrollPreview', input);
      expect(again.code).toBe('VALIDATION');
      expect(again.fields?.[0]).toMatchObject({ path: 'code' });
      expect(again.fields?.[0]?.message).toMatch(/ask HQ for a new one/);
    } finally {
      t.close();
    }
  });

  it('refuses an insecure or unreachable HQ address with a clear error, changing nothing', async () => {
    const t = await openSetUpBackend({ sync: { disabled: true } });
    try {
      const insecure = await t.fail('sync.enrollPreview', { hqUrl: 'http://hq.example.com', code: 'ABCDEFGH' });
      expect(insecure).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'hqUrl' }] });
      const down = await t.fail('sync.enrollPreview', { hqUrl: 'http://127.0.0.1:9', code: 'ABCDEFGH' });
      expect(down.code).toBe('HQ_UNREACHABLE');
      const zh = await t.fail(
        'sync.enrollPreview',
        { hqUrl: 'http://127.0.0.1:9', code: 'ABCDEFGH' },
        { locale: 'zh-CN' },
      );
      expect(zh.message).toMatch(/无法连接总部/);
      expect((await t.call('sync.status', {})).enrolled).toBe(false);
    } finally {
      t.close();
    }
  });

  it('pushes stock moves once: acknowledged, a lost answer resent as a duplicate, a gap resent in full', async () => {
    const line = new Line();
    const t = await openStore(line);
    try {
      const fx = seedStockFixture(t);
      const { status } = await enroll(t, hq);
      const storeId = String(row(t, 'SELECT store_id AS s FROM sync_state')!.s);
      expect(status.enrolled).toBe(true);
      postStock(t, [
        { itemId: fx.items.beef, areaId: fx.areas.cooler, kind: 'receipt', qty: 10 * KG, value: 800 * YUAN },
        { itemId: fx.items.rice, areaId: fx.areas.dry, kind: 'receipt', qty: 5 * KG, value: 30 * YUAN },
      ]);
      const waiting = (await t.call('sync.status', {})).waiting;
      expect(waiting).toBeGreaterThan(2); // the store's history (areas, users, store row) and the two moves

      const first = await t.call('sync.now', {});
      expect(first).toMatchObject({ waiting: 0, state: 'idle', online: true, lastError: null });
      const moves = await mirror(hq, 'stock_moves', storeId);
      expect(moves).toHaveLength(2);
      expect(moves.map((m) => m.value).sort()).toEqual([300_000, 8_000_000]);

      // HQ applies the next batch but its answer is lost: the entries stay queued and go again, once.
      postStock(t, [{ itemId: fx.items.beef, areaId: fx.areas.cooler, kind: 'issue', qty: 2 * KG }]);
      line.loseAnswerOf = 'push';
      const lost = await t.call('sync.now', {});
      expect(lost).toMatchObject({ state: 'offline', online: false, waiting: 1 });
      expect(lost.lastError?.code).toBe('NETWORK');
      const resent = await t.call('sync.now', {});
      expect(resent).toMatchObject({ state: 'idle', waiting: 0, lastError: null });
      expect(await mirror(hq, 'stock_moves', storeId)).toHaveLength(3);
      const runs = await t.call('sync.history', { limit: 10 });
      expect(runs.map((r) => r.result).slice(0, 2)).toEqual(['ok', 'offline']);

      // HQ restored from an older backup: it has lost what it acknowledged. The store's next batch is
      // refused as a gap, and the store sends everything again on a new stream.
      const stream = String(row(t, 'SELECT stream_id AS s FROM sync_state')!.s);
      await hq.hq.ctx.db.execute(sql`UPDATE sync_streams SET ack_seq = 1 WHERE store_id = ${storeId}`);
      await hq.hq.ctx.db.execute(sql`DELETE FROM mirror.stock_moves WHERE store_id = ${storeId}`);
      postStock(t, [{ itemId: fx.items.rice, areaId: fx.areas.dry, kind: 'issue', qty: 1 * KG }]);
      const healed = await t.call('sync.now', {});
      expect(healed).toMatchObject({ state: 'idle', waiting: 0 });
      expect(String(row(t, 'SELECT stream_id AS s FROM sync_state')!.s)).not.toBe(stream);
      expect(await mirror(hq, 'stock_moves', storeId)).toHaveLength(4);
      // Nothing new: a rerun sends nothing.
      line.calls.length = 0;
      await t.call('sync.now', {});
      expect(line.calls.filter((c) => c === 'push')).toEqual([]);
    } finally {
      t.close();
    }
  });
});
