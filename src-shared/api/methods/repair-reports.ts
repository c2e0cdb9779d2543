import * as z from '../lazy-zod';
import { Id, IsoTime } from '../common';
import { query } from '../contract';
import { Period, Priority, WoStatus } from './repairs-dto';
import { DayText, Money } from './stock';

/**
 * Maintenance reports over a range of business days (inclusive, store time
 * zone). MTTR/MTBF are defined in src-shared/repairs/reliability.ts. Every
 * report can be exported as XLSX (`repairReports.xlsx`) and printed from the
 * screen. Durations are whole minutes; shares are basis points (10000 = 100 %).
 */
const READERS = ['manager', 'admin', 'technician'] as const;

const Figures = {
  operatingMinutes: z.number().int(),
  downtimeMinutes: z.number().int(),
  failures: z.number().int(),
  repairs: z.number().int(),
  mttrMinutes: z.number().int().nullable(),
  mtbfMinutes: z.number().int().nullable(),
  availabilityBp: z.number().int().nullable(),
};
const EquipmentCols = {
  equipmentId: Id,
  code: z.string(),
  name: z.string(),
  category: z.string(),
};
const CostCols = {
  workOrders: z.number().int(),
  parts: Money,
  labour: Money,
  labourMinutes: z.number().int(),
  vendor: Money,
  total: Money,
};

export const AGE_BUCKETS = ['1d', '3d', '7d', '30d', 'older'] as const;
export const REPAIR_REPORTS = ['reliability', 'sla', 'repeats', 'costs', 'aging'] as const;

export const repairReportMethods = {
  'repairReports.reliability': query({
    input: Period.and(z.object({ category: z.string().max(40).nullish() })),
    output: z.object({
      perEquipment: z.array(z.object({ ...EquipmentCols, ...Figures })),
      perCategory: z.array(z.object({ category: z.string(), equipment: z.number().int(), ...Figures })),
      total: z.object(Figures),
    }),
    access: READERS,
  }),
  /** SLA compliance per priority for work orders reported in the period (cancelled ones left out), and the breaches. */
  'repairReports.sla': query({
    input: Period,
    output: z.object({
      byPriority: z.array(
        z.object({
          priority: Priority,
          workOrders: z.number().int(),
          responseMet: z.number().int(),
          responseMissed: z.number().int(),
          resolutionMet: z.number().int(),
          resolutionMissed: z.number().int(),
          /** Of the clocks decided so far (met or missed, or still running past the target). */
          responseBp: z.number().int().nullable(),
          resolutionBp: z.number().int().nullable(),
        }),
      ),
      breaches: z.array(
        z.object({
          workOrderId: Id,
          number: z.string(),
          equipmentCode: z.string(),
          equipmentName: z.string(),
          priority: Priority,
          status: WoStatus,
          clock: z.enum(['response', 'resolution']),
          targetMinutes: z.number().int(),
          /** Minutes beyond the target (so far, for clocks still running). */
          overMinutes: z.number().int(),
          breachedAt: IsoTime,
          open: z.boolean(),
        }),
      ),
    }),
    access: READERS,
  }),
  /** Failures of the same equipment with the same fault code within the repeat window (store setting, 30 days). */
  'repairReports.repeats': query({
    input: Period,
    output: z.array(
      z.object({
        ...EquipmentCols,
        faultCode: z.string(),
        faultNameZh: z.string(),
        faultNameEn: z.string(),
        failures: z.number().int(),
        /** Failures that came within the window after the previous one. */
        repeats: z.number().int(),
        numbers: z.array(z.string()),
        firstAt: IsoTime,
        lastAt: IsoTime,
      }),
    ),
    access: READERS,
  }),
  /** Cost per equipment and category of the work orders reported in the period: parts at ledger cost, labour, vendor invoices. */
  'repairReports.costs': query({
    input: Period,
    output: z.object({
      perEquipment: z.array(z.object({ ...EquipmentCols, ...CostCols })),
      perCategory: z.array(z.object({ category: z.string(), ...CostCols })),
      total: z.object(CostCols),
    }),
    access: READERS,
  }),
  /** Open work orders (not closed or cancelled) by age since the report: up to 1, 3, 7, 30 days, older. */
  'repairReports.aging': query({
    input: z.object({}),
    output: z.object({
      buckets: z.array(
        z.object({
          bucket: z.enum(AGE_BUCKETS),
          urgent: z.number().int(),
          high: z.number().int(),
          normal: z.number().int(),
          low: z.number().int(),
          total: z.number().int(),
          /** Of which with work still to do (not yet resolved). */
          active: z.number().int(),
        }),
      ),
      total: z.number().int(),
      oldest: z.object({ id: Id, number: z.string(), reportedAt: IsoTime }).nullable(),
    }),
    access: READERS,
  }),
  /** One report as an XLSX workbook (headers in the caller's language), base64. */
  'repairReports.xlsx': query({
    input: z.object({
      report: z.enum(REPAIR_REPORTS),
      from: DayText.nullish(),
      to: DayText.nullish(),
    }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
    access: READERS,
  }),
} as const;
