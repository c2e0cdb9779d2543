import type { ReplicatedTable } from '../../src-shared/sync/tables';
import { CAPTURED_TABLES, keySql, sentColumns, storeColumns } from './columns';

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
  const sent = sentColumns(t);
  // Columns that never leave the store (a sign-in's counters, a label's data) do not make an entry.
  const onUpdate =
    sent.length < storeColumns(t.name).length ? `UPDATE OF ${sent.map((c) => `"${c}"`).join(', ')}` : 'UPDATE';
  const make = (op: 'insert' | 'update' | 'delete', event: string, body: string): TriggerSql => ({
    name: triggerName(t.name, op),
    table: t.name,
    sql: `CREATE TRIGGER ${triggerName(t.name, op)} AFTER ${event} ON "${t.name}"\nWHEN ${CAPTURING}\nBEGIN\n${body}\nEND`,
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

/** Every outbox trigger the registry calls for, in registry order. */
export function outboxTriggers(): TriggerSql[] {
  return CAPTURED_TABLES.flatMap(tableTriggers);
}

/** The migration text: each trigger dropped if present and created again, so a later migration can rerun it. */
export function outboxTriggerMigration(): string {
  return outboxTriggers()
    .flatMap((t) => [`DROP TRIGGER IF EXISTS ${t.name};`, `${t.sql};`])
    .join('\n--> statement-breakpoint\n');
}
