import Database from 'better-sqlite3';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../src-main/backend';
import { RECEIVING_TEMPLATE_ID } from '../../src-shared/labels/builtin-ids';
import { MIGRATIONS, tempDir } from '../helpers/backend';

let open: Backend | undefined;
afterEach(() => {
  open?.close();
  open = undefined;
});

const start = (dir: string, migrationsFolder = MIGRATIONS) =>
  startBackend({ dataDir: dir, kind: 'node', version: 't', lan: false, migrationsFolder });

describe('label prices in the store currency', () => {
  it('turns the built-in yuan prefixes of stored templates into {currency}, and keeps prefixes users wrote', async () => {
    // A store database as the app before this change left it: migrations up to 0007 and the ￥ prefixes.
    const dir = tempDir();
    const old = join(tempDir(), 'drizzle');
    cpSync(MIGRATIONS, old, { recursive: true });
    const journalFile = join(old, 'meta/_journal.json');
    const j = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    const upTo = j.entries.findIndex((e) => e.tag.startsWith('0008_'));
    writeFileSync(journalFile, JSON.stringify({ ...j, entries: j.entries.slice(0, upTo) }));
    (await start(dir, old)).close();
    const db = new Database(join(dir, 'store.sqlite'));
    const legacy = (prefix: string, total: string) =>
      JSON.stringify({
        widthMm: 50,
        heightMm: 30,
        gapMm: 2,
        dpi: 203,
        elements: [
          { type: 'text', x: 1, y: 1, size: 2, field: 'unitPrice', prefix },
          { type: 'text', x: 1, y: 5, size: 2, field: 'totalPrice', prefix: total },
        ],
      });
    db.prepare('UPDATE label_templates SET definition = ? WHERE id = ?').run(
      legacy('单价￥', '总价￥'),
      RECEIVING_TEMPLATE_ID,
    );
    db.prepare(
      "INSERT INTO label_templates (id, name, definition, is_default, created_at, updated_at) VALUES ('own', 'own', ?, 0, 0, 0)",
    ).run(legacy('Price ￥', '总价￥'));
    db.close();

    open = await start(dir);
    const defs = open.database.sqlite.prepare('SELECT id, definition FROM label_templates ORDER BY id').all() as {
      id: string;
      definition: string;
    }[];
    const prefixes = (id: string) =>
      (JSON.parse(defs.find((d) => d.id === id)!.definition) as { elements: { prefix: string }[] }).elements.map(
        (e) => e.prefix,
      );
    expect(prefixes(RECEIVING_TEMPLATE_ID)).toEqual(['单价{currency}', '总价{currency}']);
    expect(prefixes('own')).toEqual(['Price ￥', '总价{currency}']);
  });
});
