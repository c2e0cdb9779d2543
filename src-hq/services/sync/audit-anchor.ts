import { and, desc, eq } from 'drizzle-orm';
import type { HqContext } from '../../context';
import type { Q } from '../../db/client';
import { stores, syncAuditHeads, syncAuditMismatches } from '../../db/schema';

export interface AuditMark {
  seq: number;
  hash: string;
}

/**
 * The store's audit log is a hash chain: the hash at seq N commits to every
 * entry up to N. HQ records each head a store reports; on the next push it
 * asks for the hash at the last recorded seq as the store has it now. Any
 * rewrite of the chain up to there (even one rehashed to look consistent)
 * changes that hash: HQ flags the store and logs it. The push still applies
 * (the facts are the store's; the flag is for people to look into).
 */
export async function checkAuditAnchor(
  ctx: HqContext,
  q: Q,
  storeId: string,
  audit: { head: AuditMark; proof: AuditMark | null },
  now: number,
): Promise<{ proofSeq: number | null; mismatch: boolean }> {
  const mismatches: { seq: number; recorded: string; presented: string }[] = [];
  const recordedAt = async (seq: number) =>
    (
      await q
        .select({ hash: syncAuditHeads.hash })
        .from(syncAuditHeads)
        .where(and(eq(syncAuditHeads.storeId, storeId), eq(syncAuditHeads.seq, seq)))
    )[0]?.hash;

  if (audit.proof && audit.proof.seq > 0) {
    const recorded = await recordedAt(audit.proof.seq);
    if (recorded !== undefined && recorded !== audit.proof.hash) {
      mismatches.push({ seq: audit.proof.seq, recorded, presented: audit.proof.hash });
    }
  }
  if (audit.head.seq > 0) {
    const recorded = await recordedAt(audit.head.seq);
    if (recorded === undefined) {
      await q
        .insert(syncAuditHeads)
        .values({ storeId, seq: audit.head.seq, hash: audit.head.hash, seenAt: now })
        .onConflictDoNothing();
    } else if (recorded !== audit.head.hash && audit.head.seq !== audit.proof?.seq) {
      mismatches.push({ seq: audit.head.seq, recorded, presented: audit.head.hash });
    }
  }
  if (mismatches.length) {
    await q.insert(syncAuditMismatches).values(
      mismatches.map((m) => ({
        storeId,
        seq: m.seq,
        recordedHash: m.recorded,
        presentedHash: m.presented,
        at: now,
      })),
    );
    await q.update(stores).set({ auditMismatch: true }).where(eq(stores.id, storeId));
    ctx.log.warn('audit anchor mismatch: the store audit chain differs from a head HQ recorded', {
      storeId,
      mismatches,
    });
  }
  const [last] = await q
    .select({ seq: syncAuditHeads.seq })
    .from(syncAuditHeads)
    .where(eq(syncAuditHeads.storeId, storeId))
    .orderBy(desc(syncAuditHeads.seq))
    .limit(1);
  return { proofSeq: last?.seq ?? null, mismatch: mismatches.length > 0 };
}
