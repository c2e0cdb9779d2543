import * as z from '../lazy-zod';
import { query } from '../contract';
import { Id, IsoTime } from '../common';
import { DayText, Money, Qty } from './stock';

/**
 * API contracts: inventory reports. Every figure is computed from the daily
 * and monthly totals that posting keeps (never by summing the ledger), so a
 * year over millions of movements answers in well under a second.
 * Quantities in thousandths of the base unit, money in ten-thousandths.
 */
const REPORT_ROLES = ['manager', 'admin'] as const;

const ItemCols = {
  itemId: Id,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  category: z.string(),
  categoryZh: z.string(),
  categoryEn: z.string(),
  baseUnit: z.string(),
};

/** Outbound columns are positive (what left); adjustments and area moves are signed. */
export const SUMMARY_COLUMNS = [
  'opening',
  'receipt',
  'transferIn',
  'transferOut',
  'usage',
  'waste',
  'adjust',
  'internal',
  'closing',
] as const;
export type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];

const figures = Object.fromEntries(SUMMARY_COLUMNS.flatMap((c) => [`${c}Qty`, `${c}Value`]).map((k) => [k, Money])) as {
  [K in `${SummaryColumn}${'Qty' | 'Value'}`]: typeof Money;
};
const valueFigures = Object.fromEntries(SUMMARY_COLUMNS.map((c) => [`${c}Value`, Money])) as {
  [K in `${SummaryColumn}Value`]: typeof Money;
};

export const SummaryRow = z.object({ ...ItemCols, ...figures });
/** Quantities of different units do not add up, so subtotals carry values only. */
export const SummaryCategoryRow = z.object({
  category: z.string(),
  categoryZh: z.string(),
  categoryEn: z.string(),
  items: z.number().int(),
  ...valueFigures,
});

const ReportFilter = z.object({
  areaId: Id.nullish(),
  category: z.string().max(60).nullish(),
});

const DayRange = ReportFilter.extend({ from: DayText, to: DayText }).refine((v) => v.from <= v.to, {
  path: ['to'],
  message: 'reports.error.range',
});

export const ValuationRow = z.object({ ...ItemCols, qty: Qty, value: Money });

export const WasteReasonRow = z.object({
  reason: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  moves: z.number().int(),
  items: z.number().int(),
  value: Money,
});
export const WasteItemRow = z.object({
  ...ItemCols,
  reason: z.string(),
  reasonZh: z.string(),
  reasonEn: z.string(),
  moves: z.number().int(),
  /** Positive: what was wasted. */
  qty: Qty,
  value: Money,
});

export const PostedCount = z.object({
  id: Id,
  number: z.string(),
  postedAt: IsoTime.nullable(),
  lines: z.number().int(),
});

export const CountVarianceRow = z.object({
  ...ItemCols,
  lineId: z.string(),
  areaCode: z.string(),
  lot: z.string(),
  bookQty: Qty,
  countedQty: Qty.nullable(),
  /** counted - book (null when the line was not counted). */
  varianceQty: Qty.nullable(),
  /** What the posting adjusted (the count_adjust movements of this count; movements during the count included). */
  adjustQty: Qty,
  adjustValue: Money,
});

export const XlsxColumn = z.object({
  key: z.string().max(40),
  header: z.string().max(80),
  type: z.enum(['text', 'qty', 'money', 'int']),
});

export const reportMethods = {
  /** What the report filters offer: storage areas and item categories. */
  'reports.filters': query({
    input: z.object({}),
    output: z.object({
      areas: z.array(z.object({ id: Id, code: z.string(), nameZh: z.string(), nameEn: z.string() })),
      categories: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })),
    }),
    access: REPORT_ROLES,
  }),
  /** 进销存: opening, movements by group and closing per item for a range of business days. */
  'reports.summary': query({
    input: DayRange,
    output: z.object({ rows: z.array(SummaryRow), categories: z.array(SummaryCategoryRow) }),
    access: REPORT_ROLES,
  }),
  /** Stock on hand and its value at the end of a business day. */
  'reports.valuation': query({
    input: ReportFilter.extend({ day: DayText }),
    output: z.array(ValuationRow),
    access: REPORT_ROLES,
  }),
  'reports.waste': query({
    input: DayRange,
    output: z.object({ byReason: z.array(WasteReasonRow), byItem: z.array(WasteItemRow) }),
    access: REPORT_ROLES,
  }),
  'reports.postedCounts': query({
    input: z.object({}),
    output: z.array(PostedCount),
    access: REPORT_ROLES,
  }),
  'reports.countVariance': query({
    input: z.object({ countId: Id }),
    output: z.array(CountVarianceRow),
    access: REPORT_ROLES,
  }),
  /**
   * The grid as the user sees it (filtered, sorted) as an XLSX workbook, built
   * in the backend (exceljs) and returned as base64 for the renderer to save.
   */
  'reports.xlsx': query({
    input: z.object({
      title: z.string().max(120),
      subtitle: z.string().max(300).default(''),
      columns: z.array(XlsxColumn).min(1).max(60),
      rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))).max(100_000),
      totals: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).nullish(),
    }),
    output: z.object({ base64: z.string() }),
    access: REPORT_ROLES,
  }),
} as const;
