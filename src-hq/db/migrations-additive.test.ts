import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MASTER_TABLES, REPLICATED_TABLES } from '../../src-shared/sync/tables';
import { UP_TABLES } from './columns';

/**
 * Migrations between consecutive versions are additive for everything that
 * replicates, on both sides: a store one version behind (or ahead) must still
 * be able to send and receive rows, so no replicated table or column may be
 * dropped, renamed or retyped. New tables and columns are fine.
 */
interface Violation {
  file: string;
  statement: string;
  why: string;
}

const ident = (s: string) => s.replace(/[`"[\]]/g, '').toLowerCase();

/** Statements of one migration file (drizzle's breakpoints or plain semicolons), comments removed. */
function statements(text: string): string[] {
  return text
    .split(/--> statement-breakpoint|;\s*$/m)
    .map((s) =>
      s
        .split('\n')
        .filter((l) => !l.trim().startsWith('--'))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
}

/** `protectedTables`: names as they appear in the SQL, schema-qualified where they are (mirror.stock_moves). */
function additiveViolations(file: string, text: string, protectedTables: ReadonlySet<string>): Violation[] {
  const out: Violation[] = [];
  for (const st of statements(text)) {
    const drop = /^drop table (?:if exists )?([\w."`[\]]+)/i.exec(st);
    if (drop && protectedTables.has(ident(drop[1]!))) {
      out.push({ file, statement: st, why: `drops the replicated table ${ident(drop[1]!)}` });
      continue;
    }
    const alter = /^alter table (?:only )?(?:if exists )?([\w."`[\]]+) (.*)$/i.exec(st);
    if (!alter || !protectedTables.has(ident(alter[1]!))) continue;
    const rest = alter[2]!.toLowerCase();
    const table = ident(alter[1]!);
    if (/\bdrop column\b/.test(rest)) out.push({ file, statement: st, why: `drops a column of ${table}` });
    if (/\brename\b/.test(rest)) out.push({ file, statement: st, why: `renames ${table} or one of its columns` });
    if (/\balter column\b.*\b(set data type|type)\b/.test(rest)) {
      out.push({ file, statement: st, why: `changes a column type of ${table}` });
    }
    if (/\bset schema\b/.test(rest)) out.push({ file, statement: st, why: `moves ${table} to another schema` });
  }
  return out;
}

function violationsIn(folder: string, protectedTables: ReadonlySet<string>): Violation[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .flatMap((f) => additiveViolations(f, readFileSync(join(folder, f), 'utf8'), protectedTables));
}

const ROOT = resolve(__dirname, '../..');
const STORE_TABLES = new Set(REPLICATED_TABLES.map((t) => t.name as string));
const HQ_TABLES = new Set([
  ...UP_TABLES.map((t) => `mirror.${t.name}`),
  ...MASTER_TABLES.map((t) => t.name as string),
  ...MASTER_TABLES.map((t) => `public.${t.name}`),
]);

describe('migrations are additive for replicated tables', () => {
  it("the store's (drizzle/)", () => {
    expect(violationsIn(join(ROOT, 'drizzle'), STORE_TABLES)).toEqual([]);
  });

  it("HQ's (drizzle-hq/)", () => {
    expect(violationsIn(join(ROOT, 'drizzle-hq'), HQ_TABLES)).toEqual([]);
  });

  it('catches drops, renames and retypes in either dialect, and lets additions and other tables through', () => {
    const store = [
      "ALTER TABLE `items` ADD `brand` text DEFAULT '' NOT NULL;",
      'DROP TABLE `sessions`;',
      'ALTER TABLE `stock_moves` DROP COLUMN `note`;',
      'DROP TABLE `receipts`;',
      '-- DROP TABLE `items`; (a comment)',
      'ALTER TABLE `users` RENAME COLUMN `display_name` TO `full_name`;',
    ].join('\n');
    expect(additiveViolations('x.sql', store, STORE_TABLES).map((v) => v.why)).toEqual([
      'drops a column of stock_moves',
      'drops the replicated table receipts',
      'renames users or one of its columns',
    ]);
    const hq = [
      'ALTER TABLE "mirror"."stock_moves" ADD COLUMN "brand" text;',
      '--> statement-breakpoint',
      'ALTER TABLE "mirror"."stock_moves" ALTER COLUMN "qty" SET DATA TYPE integer;',
      '--> statement-breakpoint',
      'DROP TABLE "items" CASCADE;',
      '--> statement-breakpoint',
      'ALTER TABLE "hq_sessions" DROP COLUMN "client";',
    ].join('\n');
    expect(additiveViolations('y.sql', hq, HQ_TABLES).map((v) => v.why)).toEqual([
      'changes a column type of mirror.stock_moves',
      'drops the replicated table items',
    ]);
  });
});
