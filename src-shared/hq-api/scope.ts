/**
 * An HQ user's scope: the whole chain, the stores of a list of regions, or a
 * list of stores. Every HQ method that names a store declares which input key
 * holds it (HqMethodContract.store), and HQ's dispatch refuses a store outside
 * the caller's scope before the method runs.
 */
export const HQ_SCOPE_KINDS = ['chain', 'regions', 'stores'] as const;
export type HqScopeKind = (typeof HQ_SCOPE_KINDS)[number];
