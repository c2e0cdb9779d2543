import * as z from '../lazy-zod';
import { mutation, query } from '../contract';

/**
 * Reason codes (table reason_codes: kind + code, a name in each language, active).
 *
 * Only admins edit them. In a chain the codes are shared vocabulary: waste and
 * rejection reports are compared across stores by code, and HQ will own the
 * list once replication exists. A store manager renaming "spoiled" to mean
 * something else, or adding near-duplicates, would quietly break those
 * comparisons, so managers may look (to know what exists) and ask the admin.
 *
 * A code that movements or receipts refer to is never deleted or re-coded:
 * it can be renamed or deactivated. Inactive codes leave the pick lists; old
 * entries keep showing their names.
 */

/** The kinds every store has; other kinds (e.g. receiving's 'reject') are listed once they have codes. */
export const REASON_KINDS = ['waste', 'adjustment'] as const;

export const ReasonKind = z
  .string()
  .trim()
  .regex(/^[a-z][a-z_]{0,19}$/, { message: 'reasons.v.kind' });
/** Stable keys stored on movements: lowercase so 'Spoiled' and 'spoiled' cannot both exist. */
export const ReasonCode = z
  .string()
  .trim()
  .min(1)
  .max(30)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, { message: 'reasons.v.code' });
const Name = z.string().trim().min(1).max(40);

export const ReasonRow = z.object({
  kind: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
  /** Movements or receipt lines that refer to the code: while above zero the code cannot change. */
  uses: z.number().int(),
});
export type ReasonRow = z.output<typeof ReasonRow>;

const EDITORS = ['admin'] as const;
/** Renaming shows in the pick lists, the history and the reports at once. */
const REASON_QUERIES = ['reasons.list', 'ops.pickers', 'receipts.settings', 'stock.moves', 'reports.waste'] as const;

export const reasonMethods = {
  'reasons.list': query({
    input: z.object({}),
    output: z.object({ kinds: z.array(z.string()), rows: z.array(ReasonRow) }),
    access: ['manager', 'admin'],
  }),
  /** Adds a code (no originalCode) or renames one; re-coding is allowed only while nothing refers to it. */
  'reasons.save': mutation({
    input: z.object({
      kind: ReasonKind,
      code: ReasonCode,
      nameZh: Name,
      nameEn: Name,
      originalCode: z.string().trim().max(40).nullish(),
    }),
    output: ReasonRow,
    access: EDITORS,
    invalidates: REASON_QUERIES,
  }),
  'reasons.setActive': mutation({
    input: z.object({ kind: ReasonKind, code: z.string().trim().min(1).max(40), active: z.boolean() }),
    output: ReasonRow,
    access: EDITORS,
    invalidates: REASON_QUERIES,
  }),
} as const;
