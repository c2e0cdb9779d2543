import { createHash } from 'node:crypto';
import type { MethodInput, MethodName, MethodOutput } from '../../src-shared/api';
import type { ApiErrorData } from '../../src-shared/errors';
import { ROLES, type Role } from '../../src-shared/roles';
import type { PrintResult } from '../../src-main/devices/printer/printer';
import { uuidv7 } from '../../src-main/lib/ids';
import { openSetUpBackend, openTestBackend, type TestBackend } from './backend';
import { openInvoiceStore, type InvoiceFixture } from './invoices';
import { KG, YUAN } from './procurement';
import { openSecondStore } from './ops';
import { postStock, seedStockFixture } from './stock';

/**
 * A store with something of everything, for the test that calls every
 * mutation of the contract map (house/write-path.test.ts): the invoice
 * fixture (two areas, four items, a supplier with its catalogue, an approved
 * order), a user of each role signed in, stock on hand, equipment, a service
 * vendor, stand-ins for a running scale and printer, and two transfer files
 * another store sent here.
 */
export interface World {
  t: TestBackend;
  fx: InvoiceFixture;
  /** A live session of each role (the admin is the store's, 'boss'). */
  tokens: Record<Role, string>;
  users: Record<Role, string>;
  equipment: { id: string; code: string };
  vendor: string;
  devices: { scale: string; printer: string };
  /** Transfer files from store BJ-002 to this one, each importable once. */
  transfers: string[];
  /** A number never used before in this world (codes, names). */
  next(): number;
  /** Calls as a role (the admin by default) and throws if refused. */
  call<M extends MethodName>(method: M, input: MethodInput<M>, as?: Role): Promise<MethodOutput<M>>;
  /** Calls with an explicit session token (null: none) and returns the outcome. */
  raw(method: string, input: unknown, token: string | null): Promise<RawOutcome>;
  /** A new user of the role, signed in: their id and session token. PIN 4321. */
  newUser(role: Role): Promise<{ id: string; username: string; token: string }>;
}

export type RawOutcome = { ok: true; value: unknown } | { ok: false; error: ApiErrorData };

const PINS: Record<Exclude<Role, 'admin'>, string> = { manager: '2345', clerk: '3456', technician: '5678' };

export function worldOf(
  t: TestBackend,
  tokens: Record<Role, string>,
): Pick<World, 'raw' | 'call' | 'next' | 'newUser'> {
  let n = 0;
  const raw = async (method: string, input: unknown, token: string | null): Promise<RawOutcome> => {
    const out = await t.backend.dispatch(method, input, {
      token,
      locale: 'en',
      caller: { loopback: true, client: 'vitest' },
    });
    return out.result as RawOutcome;
  };
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>, as: Role = 'admin') => {
    const out = await raw(method, input, tokens[as]);
    if (!out.ok) throw new Error(`${method} failed: ${out.error.code} ${out.error.message}`);
    return out.value as MethodOutput<M>;
  };
  const next = () => ++n;
  const newUser = async (role: Role) => {
    const username = `${role}-${next()}`;
    const u = await call('users.create', { username, displayName: username, role, authKind: 'pin', secret: '4321' });
    const out = await t.backend.dispatch(
      'session.login',
      { username, secret: '4321' },
      { token: null, locale: 'en', caller: { loopback: true, client: 'vitest' } },
    );
    if (!out.session) throw new Error(`could not sign in as ${username}`);
    return { id: u.id, username, token: out.session.token };
  };
  return { raw, call, next, newUser };
}

/** Signs in through dispatch, without touching the backend's own credential. */
async function signIn(t: TestBackend, username: string, secret: string): Promise<string> {
  const out = await t.backend.dispatch(
    'session.login',
    { username, secret },
    { token: null, locale: 'en', caller: { loopback: true, client: 'vitest' } },
  );
  if (!out.session) throw new Error(`could not sign in as ${username}`);
  return out.session.token;
}

/** The running devices a call may name: a scale and a printer that answer at once, without hardware. */
function standInDevices(t: TestBackend): { scale: string; printer: string } {
  const ids = { scale: uuidv7(), printer: uuidv7() };
  const hub = t.backend.devices;
  const state = (id: string, kind: 'scale' | 'printer') => ({
    id,
    kind,
    status: 'online' as const,
    reading: null,
    faults: [],
    at: Date.now(),
    detail: '',
  });
  const printed: PrintResult = { status: { ready: true, faults: [] }, newFaults: [], bytesWritten: 64, ms: 1 };
  hub.states = () => [state(ids.scale, 'scale'), state(ids.printer, 'printer')];
  hub.scaleCommand = () => Promise.resolve();
  hub.testLabel = () => Promise.resolve(printed);
  return ids;
}

/** Two transfers store BJ-002 sends to SH-001 (the world's store), exported as files. */
async function transferFiles(): Promise<string[]> {
  const other = await openSecondStore('BJ-002');
  try {
    const fx = seedStockFixture(other);
    postStock(other, [
      { itemId: fx.items.beef, areaId: fx.areas.cooler, kind: 'receipt', qty: 10 * KG, value: 800 * YUAN },
    ]);
    const files: string[] = [];
    for (let i = 0; i < 2; i++) {
      const out = await other.call('ops.transferOut', {
        toStore: 'SH-001',
        areaId: fx.areas.cooler,
        lines: [{ itemId: fx.items.beef, qty: '1', unit: 'kg' }],
      });
      files.push((await other.call('ops.transferExport', { id: out.id })).content);
    }
    return files;
  } finally {
    other.close();
  }
}

export async function openWorld(): Promise<World> {
  const fx = await openInvoiceStore();
  const { t } = fx;
  const boss = (await t.call('session.current', {})).user!;
  const users = { admin: boss.id } as Record<Role, string>;
  const tokens = { admin: t.token! } as Record<Role, string>;
  for (const [role, pin] of Object.entries(PINS) as [Exclude<Role, 'admin'>, string][]) {
    users[role] = (
      await t.call('users.create', { username: role, displayName: role, role, authKind: 'pin', secret: pin })
    ).id;
    tokens[role] = await signIn(t, role, pin);
  }
  postStock(t, [
    { itemId: fx.items.beef, areaId: fx.areas.cooler, kind: 'receipt', qty: 500 * KG, value: 40_000 * YUAN },
    { itemId: fx.items.cups, areaId: fx.areas.dry, kind: 'receipt', qty: 5_000 * 1000, value: 2_500 * YUAN },
  ]);
  // The fixture's items are written straight into the table; the item screens need their category to exist.
  await t.call('categories.create', { code: 'test', nameZh: '测试', nameEn: 'Test' });
  const eq = await t.call('equipment.save', {
    code: 'SH001-COOL-01',
    name: 'Walk-in cooler',
    category: 'refrigeration',
    criticality: 'critical',
  });
  const vendor = await t.call('vendors.save', { code: 'V-COLD', name: 'Cold Co.', categories: ['refrigeration'] });
  const world = worldOf(t, tokens);
  return {
    t,
    fx,
    tokens,
    users,
    equipment: { id: eq.id, code: eq.code },
    vendor: vendor.id,
    devices: standInDevices(t),
    transfers: await transferFiles(),
    ...world,
  };
}

/** A set-up store of its own, with a session of each role (for a call that replaces the database, or enrolls it). */
export async function openOwnWorld(base: World): Promise<World> {
  // No sync worker: the sync samples enroll this store, and a worker's runs would write behind the test's back.
  const t = await openSetUpBackend({ sync: { disabled: true } });
  const tokens = { admin: t.token! } as Record<Role, string>;
  const own = worldOf(t, tokens);
  for (const role of ROLES) if (role !== 'admin') tokens[role] = (await own.newUser(role)).token;
  return { ...base, t, tokens, ...own };
}

/** A store not yet set up (the first-run call). */
export async function openBareWorld(): Promise<World> {
  const t = await openTestBackend();
  const tokens = {} as Record<Role, string>;
  return { t, tokens, ...worldOf(t, tokens) } as World;
}

/**
 * Every row of every table, hashed: equal before and after a call means the
 * call wrote nothing that stayed.
 */
export function fingerprint(t: TestBackend): string {
  const db = t.backend.database.sqlite;
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const hash = createHash('sha256');
  for (const name of tables)
    hash.update(name).update(JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).raw().all()));
  return hash.digest('hex');
}

/** The audit entries as they stand (hash -> method): what a call added is what is new here. */
export function auditEntries(t: TestBackend): Map<string, string> {
  const rows = t.backend.database.sqlite.prepare('SELECT hash, method FROM audit_log').all() as {
    hash: string;
    method: string;
  }[];
  return new Map(rows.map((r) => [r.hash, r.method]));
}
