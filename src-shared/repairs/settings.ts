import { z } from 'zod';

/** Work-order priorities, most urgent first. Each has its own SLA targets (store settings). */
export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_RANK: Record<Priority, number> = { urgent: 1, high: 2, normal: 3, low: 4 };

/** How much the store depends on a piece of equipment. */
export const CRITICALITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

/**
 * The priority a new repair request gets, from the equipment's criticality
 * and the "equipment down" flag. A manager may change it afterwards.
 *
 *   criticality   running   down
 *   low           low       normal
 *   medium        normal    high
 *   high          normal    urgent
 *   critical      high      urgent
 */
const SUGGESTED: Record<Criticality, [Priority, Priority]> = {
  low: ['low', 'normal'],
  medium: ['normal', 'high'],
  high: ['normal', 'urgent'],
  critical: ['high', 'urgent'],
};
export function suggestPriority(criticality: Criticality, down: boolean): Priority {
  return SUGGESTED[criticality][down ? 1 : 0];
}

const Minutes = z
  .number()
  .int()
  .min(1)
  .max(365 * 24 * 60);
export const SlaTarget = z.object({
  /** Reported -> first assigned or started. */
  responseMinutes: Minutes,
  /** Reported -> resolved. */
  resolutionMinutes: Minutes,
});
export type SlaTarget = z.infer<typeof SlaTarget>;

/** Repairs and maintenance settings of a store (part of the store settings JSON). */
export const RepairSettings = z.object({
  /** A resolved work order the store has not confirmed or reopened is confirmed automatically after this many days. */
  autoConfirmDays: z.number().int().min(1).max(60),
  /** A confirmed or closed work order may be reopened up to this many days after its resolution. */
  reopenDays: z.number().int().min(0).max(365),
  /** A running SLA clock warns once this share of its target is used. */
  slaWarnPercent: z.number().int().min(50).max(99),
  /** Calendar time, 24/7 (no business hours): a store's kitchen runs every day. */
  sla: z.object({ urgent: SlaTarget, high: SlaTarget, normal: SlaTarget, low: SlaTarget }),
  /** Cost of one hour of in-house labour when the technician has no rate of their own (ten-thousandths of the currency). */
  labourRate: z.number().int().min(0).max(100_000_000),
  /** Two failures of the same equipment with the same fault code this many days apart or less are a repeat failure. */
  repeatWindowDays: z.number().int().min(1).max(365),
});
export type RepairSettings = z.infer<typeof RepairSettings>;

export const DEFAULT_REPAIR_SETTINGS: RepairSettings = {
  autoConfirmDays: 3,
  reopenDays: 14,
  slaWarnPercent: 80,
  sla: {
    urgent: { responseMinutes: 60, resolutionMinutes: 8 * 60 },
    high: { responseMinutes: 4 * 60, resolutionMinutes: 24 * 60 },
    normal: { responseMinutes: 24 * 60, resolutionMinutes: 72 * 60 },
    low: { responseMinutes: 72 * 60, resolutionMinutes: 240 * 60 },
  },
  labourRate: 80 * 10_000,
  repeatWindowDays: 30,
};
