/**
 * The one write path, checked for every mutation the contract map has (the
 * list is read from the map: a new mutation is in it at once, and needs a
 * sample call in tests/helpers/mutation-samples.ts or this file fails):
 * - called successfully, it writes exactly one audit entry, its own;
 * - that entry is in the same transaction as everything the call wrote: when
 *   the audit write is made to fail (a temporary trigger), nothing stays;
 * - refused for its role, its input or a business rule, it leaves nothing,
 *   except a contract's declared failure record (auditFailures), which is
 *   itself one entry written in one transaction with what it keeps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, METHOD_NAMES } from '../../../src-shared/api';
import type { Access } from '../../../src-shared/api/contract';
import { ROLES, type Role } from '../../../src-shared/roles';
import type { MutationName } from '../../../src-main/api/handler-types';
import { closeSampleHq, SAMPLES, type Sample } from '../../helpers/mutation-samples';
import {
  auditEntries,
  fingerprint,
  openBareWorld,
  openOwnWorld,
  openWorld,
  type RawOutcome,
  type World,
} from '../../helpers/write-path-world';

const MUTATIONS = METHOD_NAMES.filter((m) => api[m].kind === 'mutation') as MutationName[];

/** Who is turned away: a role the contract leaves out, no session (null), or nobody (public). */
function outsider(access: Access): Role | null | undefined {
  if (access === 'public') return undefined;
  if (access === 'any') return null;
  return ROLES.find((r) => !access.includes(r)) ?? null;
}

/** Any write a session's own upkeep makes (its last-seen time) happens now, not inside the call measured. */
async function warm(w: World, token: string | null): Promise<void> {
  if (token) await w.raw('session.current', {}, token);
}

/** What the call added to the audit log, by method. */
async function added(w: World, call: () => Promise<RawOutcome>): Promise<{ out: RawOutcome; methods: string[] }> {
  const before = auditEntries(w.t);
  const out = await call();
  return { out, methods: [...auditEntries(w.t)].filter(([hash]) => !before.has(hash)).map(([, m]) => m) };
}

async function leavesNothing(w: World, token: string | null, call: () => Promise<RawOutcome>): Promise<RawOutcome> {
  await warm(w, token);
  const before = fingerprint(w.t);
  const out = await call();
  expect(out.ok, JSON.stringify(out)).toBe(false);
  expect(fingerprint(w.t)).toBe(before);
  return out;
}

/** Runs `call` with every insert into the audit log failing: whatever else it wrote must go with it. */
async function withAuditFailing(w: World, call: () => Promise<RawOutcome>): Promise<RawOutcome> {
  const db = w.t.backend.database.sqlite;
  db.exec("CREATE TEMP TRIGGER audit_probe BEFORE INSERT ON main.audit_log BEGIN SELECT RAISE(ABORT, 'probe'); END");
  try {
    return await call();
  } finally {
    db.exec('DROP TRIGGER temp.audit_probe');
  }
}

let world: World;
beforeAll(async () => {
  world = await openWorld();
}, 120_000);
afterAll(async () => {
  world?.t.close();
  await closeSampleHq();
});

describe('the write path of every mutation', () => {
  it('has a sample call for each mutation in the contract map, and none for anything else', () => {
    expect(MUTATIONS.length).toBeGreaterThan(80);
    expect(MUTATIONS.filter((m) => !Object.prototype.hasOwnProperty.call(SAMPLES, m))).toEqual([]);
    expect(Object.keys(SAMPLES).filter((m) => !(MUTATIONS as string[]).includes(m))).toEqual([]);
  });

  for (const method of MUTATIONS) {
    it(`${method}: one audit entry in the call's transaction; refused, it leaves nothing`, async () => {
      const sample = SAMPLES[method] as Sample<MutationName>;
      const contract = api[method];
      let w = world;
      if (sample.world === 'bare') w = await openBareWorld();
      if (sample.world === 'own') w = await openOwnWorld(world);
      try {
        const session = async () => (sample.session ? sample.session(w) : w.tokens[sample.as ?? 'admin']);

        // Refused for the role (or for having no session).
        const away = outsider(contract.access);
        if (away !== undefined) {
          const input = await sample.input(w);
          const token = away === null ? null : w.tokens[away];
          const out = await leavesNothing(w, token, () => w.raw(method, input, token));
          expect(!out.ok && out.error.code).toBe(away === null ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        }

        // Refused for its input.
        const token = await session();
        const invalid = await leavesNothing(w, token, () => w.raw(method, 42, token));
        expect(!invalid.ok && invalid.error.code).toBe('VALIDATION');

        // Refused by a business rule: nothing stays, or the declared failure record alone.
        if (sample.refused) {
          const input = await sample.refused(w);
          const caller = await session();
          if (contract.auditFailures) {
            await warm(w, caller);
            const before = fingerprint(w.t);
            const probed = await withAuditFailing(w, () => w.raw(method, input, caller));
            expect(probed.ok).toBe(false);
            expect(fingerprint(w.t)).toBe(before);
            const { out, methods } = await added(w, () => w.raw(method, input, caller));
            expect(out.ok).toBe(false);
            expect(methods).toEqual([method]);
          } else {
            await leavesNothing(w, caller, () => w.raw(method, input, caller));
          }
        }

        // Everything the call writes shares the transaction of its audit entry.
        if (contract.audit !== false && !sample.noProbe) {
          const input = await sample.input(w);
          const caller = await session();
          await warm(w, caller);
          const before = fingerprint(w.t);
          const probed = await withAuditFailing(w, () => w.raw(method, input, caller));
          expect(probed.ok, 'the forced failure of the audit write must fail the call').toBe(false);
          expect(fingerprint(w.t)).toBe(before);
        }

        // Called successfully: exactly one entry, its own (none for UI state: audit: false).
        const input = await sample.input(w);
        const caller = await session();
        await warm(w, caller);
        const { out, methods } = await added(w, () => w.raw(method, input, caller));
        expect(out, JSON.stringify(out)).toMatchObject({ ok: true });
        expect(methods).toEqual(contract.audit === false ? [] : [method]);
      } finally {
        if (w !== world) w.t.close();
      }
    }, 60_000);
  }
});
