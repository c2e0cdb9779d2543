import type { MethodInput, MethodOutput } from '../../src-shared/api';
import type { Role } from '../../src-shared/roles';
import { openSetUpBackend, type TestBackend } from './backend';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
/** 2026-06-01 10:00 in Shanghai (the test store's zone). */
export const T0 = Date.UTC(2026, 5, 1, 2, 0);

export interface RepairsFixture {
  t: TestBackend;
  /** The backend's clock: set it, then call (dispatch reads it per call). */
  clock: { now: number };
  users: Record<'boss' | 'manager' | 'clerk' | 'tech' | 'tech2', string>;
  /** Equipment ids by code. */
  eq: Record<'cooler' | 'wok' | 'pos', string>;
  /** Signs in as a user. */
  as(user: 'boss' | 'manager' | 'clerk' | 'tech' | 'tech2'): Promise<void>;
  /** Moves the clock and signs the current user in again (sessions expire when the clock jumps hours). */
  at(ms: number): Promise<void>;
}

const PINS: Record<string, [Role, string]> = {
  manager: ['manager', '2345'],
  clerk: ['clerk', '3456'],
  tech: ['technician', '5678'],
  tech2: ['technician', '6789'],
};

/**
 * A set-up store (SH-001, Asia/Shanghai) with a controlled clock, one user of
 * each role (two technicians), and three pieces of equipment of different
 * criticality: a walk-in cooler (critical), a wok range (high), a POS (medium).
 */
export async function openRepairsStore(): Promise<RepairsFixture> {
  const clock = { now: T0 };
  const t = await openSetUpBackend({ now: () => clock.now });
  const users = { boss: '', manager: '', clerk: '', tech: '', tech2: '' };
  users.boss = (await t.call('session.current', {})).user!.id;
  for (const [username, [role, pin]] of Object.entries(PINS)) {
    const u = await t.call('users.create', {
      username,
      displayName: username,
      role,
      authKind: 'pin',
      secret: pin,
    });
    users[username as keyof typeof users] = u.id;
  }
  const save = (code: string, name: string, category: string, criticality: 'medium' | 'high' | 'critical') =>
    t.call('equipment.save', {
      code,
      name,
      category,
      location: 'Kitchen',
      make: 'Haier',
      model: `M-${code}`,
      serialNo: `S-${code}`,
      criticality,
      installDay: '2025-01-01',
      warrantyEnd: '2027-01-01',
    });
  const eq = {
    cooler: (await save('SH001-COOL-01', 'Walk-in cooler', 'refrigeration', 'critical')).id,
    wok: (await save('SH001-WOK-01', 'Wok range', 'cooking', 'high')).id,
    pos: (await save('SH001-POS-01', 'POS terminal', 'it', 'medium')).id,
  };
  const pins: Record<string, string> = {
    boss: '1234',
    ...Object.fromEntries(Object.entries(PINS).map(([u, [, p]]) => [u, p])),
  };
  let current = 'boss';
  return {
    t,
    clock,
    users,
    eq,
    async as(user) {
      current = user;
      await t.call('session.login', { username: user, secret: pins[user]! });
    },
    async at(ms) {
      clock.now = ms;
      await t.call('session.login', { username: current, secret: pins[current]! });
    },
  };
}

export type Detail = MethodOutput<'repairs.get'>;

/** Reports a fault as the signed-in user. */
export function report(
  f: RepairsFixture,
  input: Partial<MethodInput<'repairs.report'>> & { equipment: string },
): Promise<Detail> {
  return f.t.call('repairs.report', { faultCode: 'GEN-OTHER', down: false, ...input });
}

export function act(
  f: RepairsFixture,
  id: string,
  action: MethodInput<'repairs.transition'>['action'],
  extra: Partial<MethodInput<'repairs.transition'>> = {},
): Promise<Detail> {
  return f.t.call('repairs.transition', { id, action, ...extra });
}

export const RESOLUTION = { text: 'Replaced the door gasket', resolutionCode: 'replace_part', rootCauseCode: 'wear' };

/** Direct SQL count (for "nothing written" checks). */
export function rows(f: RepairsFixture, table: string): number {
  return (f.t.backend.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
