/**
 * HQ staff roles. admin: everything, including users and revoking stores;
 * operations: stores, enrollment codes, master data, closing periods;
 * maintenance: equipment and stores' work orders; viewer: reads only.
 * (Which stores a user sees — regions — comes with the chain-wide views.)
 */
export const HQ_ROLES = ['admin', 'operations', 'maintenance', 'viewer'] as const;
export type HqRole = (typeof HQ_ROLES)[number];
