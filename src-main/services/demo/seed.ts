import { equipment, store, suppliers, users } from '../../db/schema';
import { uuidv7 } from '../../lib/ids';
import { findUserByName } from '../auth/login';
import { hashSecret, verifySecret } from '../auth/passwords';
import type { Ctx } from '../context';
import { DEFAULT_SETTINGS, storeRow } from '../store/settings';
import { equipmentSeeds, supplierSeeds } from './rows';
import { seedDemoMovements } from './demo-movements';
import { seedInventory } from './seed-inventory';
import { seedInvoices } from './seed-invoices';
import { seedProcurement } from './seed-procurement';
import { seedDemoRepairs } from './seed-repairs';
import { DEFAULT_DEMO_VARIANT, DEMO_STORE, type DemoVariant } from './store-data';
import { DEMO_USERS } from './users-data';

export type { DemoVariant };

export interface DemoSummary {
  /** Rows inserted this time per table (0 everywhere on a second run). */
  inserted: Record<string, number>;
  /** "admin/1234, ..." printed by the host so a demo user can sign in. */
  logins: string;
}

/**
 * Seeds or tops up the demo restaurant. Runs inside the caller's transaction
 * (`--demo` at start, or first-run setup with "load demo data" ticked), so it
 * only inserts what is missing, matched by code or user name, and never
 * touches rows that exist: a store set up by its owner, or demo rows edited
 * since, are left as they are. The caller audits the run as one entry.
 */
export function seedDemo(ctx: Ctx, variant: DemoVariant = DEFAULT_DEMO_VARIANT): DemoSummary {
  const { inserted: storeInserted, code } = ensureStore(ctx);
  const u = seedUsers(ctx);
  const stamp = () => ({ id: uuidv7(ctx.now), createdAt: ctx.now, updatedAt: ctx.now });
  // One multi-row INSERT per table; ON CONFLICT skips codes already present and `changes` counts the rest.
  const inventory = seedInventory(ctx);
  const supplierCount = ctx.db
    .insert(suppliers)
    .values(supplierSeeds().map((r) => ({ ...r, ...stamp() })))
    .onConflictDoNothing({ target: suppliers.code })
    .run().changes;
  const equipmentCount = ctx.db
    .insert(equipment)
    .values(equipmentSeeds(code).map((r) => ({ ...r, ...stamp() })))
    .onConflictDoNothing({ target: equipment.code })
    .run().changes;
  // A year of receipts, usage, waste and month-end counts, through the real posting path.
  const stockMoves = seedDemoMovements(ctx, variant);
  // Catalogues priced from the year's costs, then a few orders (some received through the real posting path).
  const { moves: receiptMoves, ...procurement } = seedProcurement(ctx);
  // Two invoices for the received orders: one matching, one with discrepancies and its claim.
  const invoices = seedInvoices(ctx);
  // A year of repair tickets and preventive maintenance (spare parts come from that stock, through the ledger).
  const { stockMoves: partMoves, ...repairs } = seedDemoRepairs(ctx, code, variant);
  return {
    inserted: {
      store: storeInserted,
      users: u.inserted,
      suppliers: supplierCount,
      equipment: equipmentCount,
      ...inventory,
      ...procurement,
      ...invoices,
      ...repairs,
      stock_moves: stockMoves + receiptMoves + partMoves,
    },
    logins: u.logins.join(', '),
  };
}

/** The existing store wins (its code then prefixes the equipment codes); the demo store only fills an empty database. */
function ensureStore(ctx: Ctx): { inserted: number; code: string } {
  const existing = storeRow(ctx.db);
  if (existing) return { inserted: 0, code: existing.code };
  ctx.db
    .insert(store)
    .values({
      id: uuidv7(ctx.now),
      ...DEMO_STORE,
      settings: JSON.stringify(DEFAULT_SETTINGS),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .run();
  return { inserted: 1, code: DEMO_STORE.code };
}

/**
 * Adds the demo users whose names are free. The logins line lists only users
 * that really sign in with the demo PIN: ones created now, or by an earlier
 * demo run and not changed since. A same-named user the store created itself
 * (or whose PIN was changed) is not advertised. Checking costs one scrypt per
 * existing user, about 0.2 s in all, once per start.
 */
function seedUsers(ctx: Ctx): { inserted: number; logins: string[] } {
  let inserted = 0;
  const logins: string[] = [];
  for (const demo of DEMO_USERS) {
    const existing = findUserByName(ctx, demo.username);
    if (!existing) {
      ctx.db
        .insert(users)
        .values({
          id: uuidv7(ctx.now),
          username: demo.username,
          displayName: demo.displayName,
          role: demo.role,
          authKind: 'pin',
          secretHash: hashSecret(demo.pin),
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .run();
      inserted++;
      logins.push(`${demo.username}/${demo.pin}`);
    } else if (existing.authKind === 'pin' && !existing.disabled && verifySecret(demo.pin, existing.secretHash)) {
      logins.push(`${existing.username}/${demo.pin}`);
    }
  }
  return { inserted, logins };
}
