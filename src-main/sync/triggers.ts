import type { ReplicatedTable } from '../../src-shared/sync/tables';
import { CAPTURED_TABLES, keySql, sentColumns } from './columns';

/**
 * The outbox triggers, generated from the registry (src-shared/sync/tables.ts)
 * and the store's schema: every insert, update and delete of a replicated
 * store row writes one small outbox entry in the same transaction, so no
 * service can change a fact without it reaching HQ.
 *
 * They fire only once the store is enrolled (before that there is no HQ to
 * send to; enrollment enqueues every existing row) and stay quiet while the
 * pull applier writes HQ's changes (`sync_state.applying`, set and reset
 * inside the applier's own transaction), so HQ's edits are not echoed back.
 *
 * `scripts/sync-triggers.ts` writes this SQL into a migration;
 * `triggers.test.ts` checks that the installed triggers are exactly these.
 */
const CAPTURING = `(SELECT enrolled_at IS NOT NULL AND applying = 0 FROM sync_state WHERE id = 1)`;
const NOW_MS = `CAST(unixepoch('subsec') * 1000 AS INTEGER)`;

export interface TriggerSql {
  name: string;
  table: string;
  sql: string;
}

export const triggerName = (table: string, op: 'insert' | 'update' | 'delete') => `sync_outbox_${table}_${op}`;

function tableTriggers(t: ReplicatedTable): TriggerSql[] {
  const entry = (key: string, op: 'upsert' | 'delete') =>
    `INSERT INTO sync_outbox (tbl, row_id, op, at) VALUES ('${t.name}', ${key}, '${op}', ${NOW_MS});`;
  // An update is news for HQ only when a value HQ keeps changes. Columns that never leave the store (a
  // sign-in's counters, the store's settings, a label's data) and `updated_at` on its own (every write
  // stamps it, a sign-in too) would otherwise send an unchanged row up again, once per sign-in.
  const counted = sentColumns(t).filter((c) => c !== 'updated_at');
  const onUpdate = `UPDATE OF ${counted.map((c) => `"${c}"`).join(', ')}`;
  const changed = `(${counted.map((c) => `OLD."${c}" IS NOT NEW."${c}"`).join(' OR ')})`;
  const make = (op: 'insert' | 'update' | 'delete', event: string, body: string): TriggerSql => ({
    name: triggerName(t.name, op),
    table: t.name,
    sql: `CREATE TRIGGER ${triggerName(t.name, op)} AFTER ${event} ON "${t.name}"\nWHEN ${op === 'update' ? `${changed} AND ` : ''}${CAPTURING}\nBEGIN\n${body}\nEND`,
  });
  const oldKey = keySql(t, 'OLD');
  const newKey = keySql(t, 'NEW');
  return [
    make('insert', 'INSERT', `  ${entry(newKey, 'upsert')}`),
    make(
      'update',
      onUpdate,
      // A changed key is the old row gone and a new one made.
      `  INSERT INTO sync_outbox (tbl, row_id, op, at) SELECT '${t.name}', ${oldKey}, 'delete', ${NOW_MS} WHERE ${oldKey} IS NOT ${newKey};\n  ${entry(newKey, 'upsert')}`,
    ),
    make('delete', 'DELETE', `  ${entry(oldKey, 'delete')}`),
  ];
}

/** The 4 hex digits of an HLC stamp's counter (SQLite has no hex parsing). */
const counterOf = (stamp: string) =>
  [0, 1, 2, 3]
    .map((i) => `(instr('0123456789abcdef', substr(${stamp}, ${17 + i}, 1)) - 1) * ${16 ** (3 - i)}`)
    .join(' + ');
const WALL = `coalesce(CAST(substr(hlc_last, 1, 15) AS INTEGER), 0)`;
/** The store's HLC, one tick on (src-shared/sync/hlc.ts: wall-counter-node), the same rule HybridClock.now() follows. */
const NEXT_STAMP = `CASE WHEN ${NOW_MS} > ${WALL} THEN printf('%015d-0000-%s', ${NOW_MS}, hlc_node)
    ELSE printf('%015d-%04x-%s', ${WALL}, ${counterOf('hlc_last')} + 1, hlc_node) END`;

/**
 * A record edited at both ends merges per field by HLC stamp, at HQ and here.
 * Every field a store write changes gets a fresh stamp in sync_field_clocks
 * (in the write's transaction, like its outbox entry), so a store edit made
 * after HQ's wins at HQ and an older one does not; HQ's own changes arrive
 * with their stamps through the pull applier, which these triggers ignore.
 */
function stampTrigger(t: ReplicatedTable): TriggerSql {
  const fields = sentColumns(t).filter((c) => !t.key.includes(c) && c !== 'store_id');
  const changed = fields
    .map((f, i) => `${i ? '    UNION ALL ' : ''}SELECT '${f}' AS f WHERE OLD."${f}" IS NOT NEW."${f}"`)
    .join('\n');
  const name = `sync_outbox_${t.name}_stamp`;
  return {
    name,
    table: t.name,
    sql: `CREATE TRIGGER ${name} AFTER UPDATE ON "${t.name}"
WHEN ${CAPTURING}
BEGIN
  UPDATE sync_state SET hlc_last = ${NEXT_STAMP} WHERE id = 1;
  INSERT INTO sync_field_clocks (tbl, row_id, field, clock)
    SELECT '${t.name}', ${keySql(t, 'NEW')}, c.f, (SELECT hlc_last FROM sync_state WHERE id = 1) FROM (
    ${changed}) c WHERE true
    ON CONFLICT (tbl, row_id, field) DO UPDATE SET clock = excluded.clock;
END`,
  };
}

/** Tables whose rows are merged per field (edited at both ends, keyed by id). */
export const STAMPED_TABLES = CAPTURED_TABLES.filter((t) => t.name === 'work_orders');

/** Every outbox trigger the registry calls for, in registry order. */
export function outboxTriggers(): TriggerSql[] {
  return [...CAPTURED_TABLES.flatMap(tableTriggers), ...STAMPED_TABLES.map(stampTrigger)];
}

/** The migration text: each trigger dropped if present and created again, so a later migration can rerun it. */
export function outboxTriggerMigration(): string {
  return outboxTriggers()
    .flatMap((t) => [`DROP TRIGGER IF EXISTS ${t.name};`, `${t.sql};`])
    .join('\n--> statement-breakpoint\n');
}
