import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { ExistingRow, MatchPlan } from '../../../src-shared/sync/protocol';
import { MASTER_TABLES, rowKey, type ReplicatedTable } from '../../../src-shared/sync/tables';
import type { Q } from '../../db/client';
import { downColumns, masterSpec } from '../../db/columns';
import { completeMasterRow, MasterRowError } from '../master/write';
import { SyncRefusal } from '../sync/refusal';
import { readWire, valueProblem, type WireRow } from '../sync/wire';

/**
 * How a store that already has master data joins the chain: each of its rows
 * is matched to HQ's by a natural key (the code, or what identifies rows that
 * have none), after its references were translated through the matches of
 * the tables before it. Same HQ-owned values: matched (the store keeps its
 * id, mapped to HQ's). Different values: a conflict (HQ's win on confirm; the
 * store's are kept in the enrollment report). At the store only: adopted by
 * HQ under the store's id. At HQ only: counted as incoming (the first pull
 * brings them).
 */
const NATURAL_KEYS: Partial<Record<string, readonly string[]>> = {
  item_units: ['item_id', 'unit'],
  item_barcodes: ['barcode'],
  supplier_items: ['supplier_id', 'item_id'],
  reason_codes: ['kind', 'code'],
  label_templates: ['id'],
};

const naturalKey = (t: ReplicatedTable) => NATURAL_KEYS[t.name] ?? ['code'];

export interface PlanOutcome {
  plans: MatchPlan[];
  planHash: string;
  /** Rows HQ adopts, complete and with references already in HQ ids (the store's own ids for its own rows). */
  adopt: { table: string; row: WireRow }[];
  /** Matched rows whose ids differ (tables keyed by id). */
  idMap: { tbl: string; localId: string; hqId: string }[];
}

type Existing = z.infer<typeof ExistingRow>;

function bad(message: string): never {
  throw new SyncRefusal('BAD_REQUEST', message);
}

/** The store's row, checked column by column against HQ's master table (key and HQ-owned columns only). */
function checkedRow(t: ReplicatedTable, e: Existing): WireRow {
  const spec = masterSpec(t.name)!;
  const allowed = new Set(downColumns(t));
  for (const [c, v] of Object.entries(e.row)) {
    if (!allowed.has(c)) bad(`${t.name} ${e.code}: ${c} is not one of HQ's columns of ${t.name}`);
    const problem = valueProblem(spec.columns.get(c)!, v);
    if (problem) bad(`${t.name} ${e.code}: ${problem}`);
  }
  for (const k of t.key) if (e.row[k] === undefined || e.row[k] === null) bad(`${t.name} ${e.code}: ${k} is missing`);
  return e.row;
}

export async function computePlan(
  q: Q,
  input: { storeLocalId: string; hqStoreId: string; existing: Record<string, Existing[]> },
): Promise<PlanOutcome> {
  for (const name of Object.keys(input.existing)) {
    if (!MASTER_TABLES.some((t) => t.name === name)) bad(`${name} is not HQ master data: it cannot be matched`);
  }
  const idMaps = new Map<string, Map<string, string>>();
  const plans: MatchPlan[] = [];
  const adopt: PlanOutcome['adopt'] = [];
  const idMap: PlanOutcome['idMap'] = [];

  for (const t of MASTER_TABLES as readonly ReplicatedTable[]) {
    const spec = masterSpec(t.name)!;
    // HQ's rows as this store will see them: the store's HQ id is about to become its own id.
    const hqRows = (await readWire(q, spec)).map((r) =>
      t.perStore && r.store_id === input.hqStoreId ? { ...r, store_id: input.storeLocalId } : r,
    );
    const nk = naturalKey(t);
    const byNatural = new Map(hqRows.map((r) => [nk.map((c) => String(r[c])).join('\u001f'), r]));
    const byKey = new Map(hqRows.map((r) => [rowKey(t, r), r]));
    const seen = new Set<string>();
    const plan: MatchPlan = { table: t.name, matched: [], adopted: [], conflicts: [], incoming: 0 };
    const map = new Map<string, string>();
    idMaps.set(t.name, map);

    for (const e of input.existing[t.name] ?? []) {
      const row = { ...checkedRow(t, e) };
      for (const [col, target] of Object.entries(t.refs ?? {})) {
        const v = row[col];
        if (typeof v === 'string') row[col] = idMaps.get(target)?.get(v) ?? v;
      }
      if (t.perStore) row.store_id = input.storeLocalId;
      const localId = rowKey(t, e.row);
      const hq = byNatural.get(nk.map((c) => String(row[c])).join('\u001f')) ?? byKey.get(rowKey(t, row));
      if (!hq) {
        plan.adopted.push({ code: e.code, localId });
        try {
          adopt.push({ table: t.name, row: completeMasterRow(t.name, row) });
        } catch (err) {
          if (err instanceof MasterRowError) bad(`${t.name} ${e.code}: ${err.message}`);
          throw err;
        }
        map.set(localId, localId);
        continue;
      }
      const hqId = rowKey(t, hq);
      seen.add(hqId);
      map.set(localId, hqId);
      if (t.key.length === 1 && t.key[0] === 'id' && localId !== hqId) idMap.push({ tbl: t.name, localId, hqId });
      // A column an older store does not send is not a difference.
      const fields = (t.hqOwned ?? [])
        .filter((c) => row[c] !== undefined && row[c] !== hq[c])
        .map((c) => ({ column: c, store: row[c]!, hq: hq[c] ?? null }));
      if (fields.length) plan.conflicts.push({ code: e.code, localId, hqId, fields });
      else plan.matched.push({ code: e.code, localId, hqId });
    }
    plan.incoming = hqRows.filter(
      (r) => !seen.has(rowKey(t, r)) && (!t.perStore || r.store_id === input.storeLocalId),
    ).length;
    plans.push(plan);
  }
  const planHash = createHash('sha256')
    .update(JSON.stringify({ store: input.storeLocalId, plans }))
    .digest('hex');
  return { plans, planHash, adopt, idMap };
}
