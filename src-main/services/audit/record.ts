import type { Change, Ctx } from '../context';
import { appendAudit } from './chain';

const REDACTED = '[redacted]';
/** Columns never copied into the audit log, whatever the table. */
const SECRET_COLUMNS = new Set(['secretHash', 'secret_hash', 'tokenHash', 'token_hash']);

/** Deep copy of an input with the contract's secret keys (at any depth) masked. */
export function redact(value: unknown, secretKeys: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => redact(v, secretKeys));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = secretKeys.includes(k) || SECRET_COLUMNS.has(k) ? REDACTED : redact(v, secretKeys);
    }
    return out;
  }
  return value;
}

export function cleanChange(change: Change): Change {
  return {
    ...change,
    values: change.values && (redact(change.values, []) as Record<string, unknown>),
    before: change.before && (redact(change.before, []) as Record<string, unknown>),
  };
}

/** Writes one audit entry for the current user; call inside the transaction that made the change. */
export function writeAudit(
  ctx: Pick<Ctx, 'sqlite' | 'now' | 'user'>,
  method: string,
  detail: { input?: unknown; changes?: Change[]; result?: string; summary?: Record<string, unknown> },
  actor?: { id: string; username: string } | null,
): number {
  const who = actor ?? ctx.user;
  return appendAudit(ctx.sqlite, {
    at: ctx.now,
    userId: who?.id ?? null,
    username: who?.username ?? null,
    method,
    detail: JSON.stringify({ ...detail, changes: detail.changes?.map(cleanChange) }),
  });
}

/** The columns whose values differ between two versions of a row. */
export function diff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; values: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (key === 'updatedAt') continue;
    if (before[key] !== after[key]) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, values: a };
}
