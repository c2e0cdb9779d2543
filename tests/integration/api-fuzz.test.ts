import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, METHOD_NAMES, type MethodName } from '../../src-shared/api';
import { CalendarDay, Id, Instant } from '../../src-shared/api/common';
import { uuidv7 } from '../../src-main/lib/ids';
import type { Role } from '../../src-shared/roles';
import { newSession } from '../../src-main/services/auth/sessions';
import { openTestBackend, type TestBackend } from '../helpers/backend';
import { arbitraryFor, type Pools } from '../helpers/zod-arbitrary';

/**
 * Every method of the contract map, called as a user its contract allows,
 * with seeded inputs built from its own input schema: near-valid ones that
 * reach the services (real ids, real days of the demo store) and ones with
 * bad values anywhere (wrong types, non-days, huge strings, deep nesting,
 * boundary numbers, missing fields). A bad input must come back as an error
 * the user can act on (VALIDATION, NOT_FOUND, CONFLICT, ...), never INTERNAL.
 *
 * Bounded and reproducible: FUZZ_RUNS inputs per method (16 by default), the
 * same seed every run; FUZZ_SEED explores other inputs.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_207);
const RUNS = Number(process.env.FUZZ_RUNS ?? 16);
const CALL_LIMIT_MS = 20_000;

/** Who calls: the least powerful role the contract allows. */
const ROLE_ORDER: Role[] = ['clerk', 'technician', 'manager', 'admin'];
const DEMO_USERS: Record<Role, string> = { clerk: 'clerk1', technician: 'tech', manager: 'manager', admin: 'admin' };

let t: TestBackend;
let pools: Pools;
let cwd: string;
const home = process.cwd();

function rows<T>(sql: string): T[] {
  return t.backend.database.sqlite.prepare(sql).all() as T[];
}

beforeAll(async () => {
  // Device and file methods may write where a fuzzed path points: keep it in a scratch folder.
  cwd = mkdtempSync(join(tmpdir(), 'bo-fuzz-cwd-'));
  process.chdir(cwd);
  t = await openTestBackend({ demo: true });
  const tables = rows<{ name: string }>(
    "SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'id')",
  );
  const ids = tables.flatMap(({ name }) => rows<{ id: unknown }>(`SELECT id FROM "${name}" LIMIT 4`).map((r) => r.id));
  const words = [
    ...rows<{ w: string }>('SELECT code AS w FROM items LIMIT 4'),
    ...rows<{ w: string }>('SELECT code AS w FROM equipment LIMIT 3'),
    ...rows<{ w: string }>('SELECT username AS w FROM users'),
    ...rows<{ w: string }>('SELECT DISTINCT category AS w FROM items LIMIT 3'),
  ].map((r) => r.w);
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const real = ids.filter((id): id is string => typeof id === 'string');
  pools = {
    ids: real,
    known: new Map<unknown, fc.Arbitrary<unknown>>([
      [
        Id,
        fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: fc.constant(uuidv7()) }),
      ],
      [CalendarDay, fc.constantFrom(day(0), day(-1), day(-30), day(-200), day(3), '2024-02-29', '2026-01-01')],
      [Instant, fc.constantFrom(new Date().toISOString(), '2026-03-01T08:30:00+08:00')],
    ]),
    words: [
      ...words,
      ...['kg', 'g', 'pc', '箱', 'damaged', 'refrigeration', 'zh-CN', 'en', 'Asia/Shanghai', 'CNY'],
      ...['1', '2.5', '0.5', '12', '1234', '987654', 'correct horse'],
    ],
    days: [day(0), day(-1), day(-30), day(-200), day(3), '2024-02-29', '2026-01-01'],
    instants: [new Date().toISOString(), new Date(Date.now() - 86_400_000).toISOString(), '2026-03-01T08:30:00+08:00'],
  };
}, 120_000);

afterAll(() => {
  t?.close();
  process.chdir(home);
  rmSync(cwd, { recursive: true, force: true });
});

/** A fresh session for the method's role (earlier calls may have signed out, disabled or demoted the user). */
function tokenFor(method: MethodName): string | null {
  const access = api[method].access;
  if (access === 'public') return null;
  const role = access === 'any' ? 'clerk' : ROLE_ORDER.find((r) => (access as readonly Role[]).includes(r))!;
  const db = t.backend.database.sqlite;
  for (const [r, username] of Object.entries(DEMO_USERS)) {
    db.prepare('UPDATE users SET role = ?, disabled = 0 WHERE username = ?').run(r, username);
  }
  const { id } = db.prepare('SELECT id FROM users WHERE username = ?').get(DEMO_USERS[role]) as { id: string };
  return newSession(db, id, Date.now(), 'fuzz').token;
}

function seedOf(method: string): number {
  let h = SEED;
  for (const c of method) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
}

function brief(input: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(input, (_k, v: unknown) =>
      typeof v === 'string' && v.length > 60 ? `${v.slice(0, 20)}…(${v.length})` : v,
    );
  } catch {
    text = String(input);
  }
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

describe('every API method under seeded malformed input', () => {
  it(`never answers INTERNAL (${RUNS} inputs per method, seed ${SEED})`, async () => {
    const failures: string[] = [];
    for (const method of [...METHOD_NAMES].sort()) {
      const schema = api[method].input;
      const inputs = [
        ...fc.sample(arbitraryFor(schema, pools, false), { seed: seedOf(method), numRuns: RUNS / 2 }),
        ...fc.sample(arbitraryFor(schema, pools, true), { seed: seedOf(method) + 1, numRuns: RUNS / 2 }),
      ];
      const token = tokenFor(method);
      for (const input of inputs) {
        const call = t.backend.dispatch(method, input, {
          token,
          locale: 'en',
          caller: { loopback: true, client: 'fuzz', source: '10.9.9.9' },
        });
        let timer: NodeJS.Timeout | undefined;
        const hung = new Promise<'hung'>((r) => (timer = setTimeout(() => r('hung'), CALL_LIMIT_MS)));
        const out = await Promise.race([call, hung]);
        clearTimeout(timer);
        if (out === 'hung') failures.push(`${method} did not answer in ${CALL_LIMIT_MS} ms: ${brief(input)}`);
        else if (!out.result.ok && out.result.error.code === 'INTERNAL') {
          failures.push(`${method} INTERNAL ${out.result.error.ref}: ${brief(input)}`);
        }
      }
    }
    // Each INTERNAL with the first lines of its logged stack, to find the bug without rerunning.
    const log = failures.length ? readFileSync(t.backend.log.file, 'utf8') : '';
    const explained = failures.map((f) => {
      const ref = / INTERNAL (\w+):/.exec(f)?.[1];
      const line = ref ? log.split('\n').find((l) => l.includes(`"ref":"${ref}"`)) : undefined;
      const stack = line ? String((JSON.parse(line) as { data?: { error?: string } }).data?.error ?? '') : '';
      return stack ? `${f}\n    ${stack.split('\n').slice(0, 4).join('\n    ')}` : f;
    });
    expect(explained).toEqual([]);
  }, 600_000);
});
