import * as z from '../lazy-zod';
import { mutation, query } from '../contract';
import { Id, IsoTime } from '../common';
import { STOCK_QUERIES } from './stock';

/** Quantities in thousandths of the base unit, money in ten-thousandths (see src-shared/quantity.ts). */
const Qty = z.number().int();
const Money = z.number().int();

export const CountStatus = z.enum(['open', 'posted', 'cancelled']);

export const CountScope = z.object({
  /** Empty = every storage area. */
  areaIds: z.array(Id).max(200).default([]),
  /** Item category keys (items.category); empty = every category. */
  categories: z.array(z.string().trim().min(1).max(60)).max(200).default([]),
});

export const CountHeader = z.object({
  id: Id,
  number: z.string(),
  status: CountStatus,
  blind: z.boolean(),
  areaIds: z.array(Id),
  categories: z.array(z.string()),
  startedAt: IsoTime,
  startedBy: z.string().nullable(),
  postedAt: IsoTime.nullable(),
  postedBy: z.string().nullable(),
  note: z.string(),
  lines: z.number().int(),
  counted: z.number().int(),
});

export const CountLine = z.object({
  id: Id,
  itemId: Id,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  category: z.string(),
  baseUnit: z.enum(['g', 'ml', 'pc']),
  /** The item's units (for entry and for showing what can be typed). */
  units: z.array(z.object({ unit: z.string(), factor: z.number().int() })),
  areaId: Id,
  areaCode: z.string(),
  areaNameZh: z.string(),
  areaNameEn: z.string(),
  shelfOrder: z.number().int(),
  lot: z.string(),
  /** Book, expected and variance are null while a blind count is open. */
  bookQty: Qty.nullable(),
  expectedQty: Qty.nullable(),
  countedQty: Qty.nullable(),
  entry: z.string(),
  countedAt: IsoTime.nullable(),
  countedBy: z.string().nullable(),
  varianceQty: Qty.nullable(),
  varianceValue: Money.nullable(),
  recount: z.boolean(),
});
export type CountLineDto = z.infer<typeof CountLine>;
export type CountHeaderDto = z.infer<typeof CountHeader>;

export const UncountedRule = z.enum(['skip', 'zero']);

const Totals = z.object({
  lines: z.number().int(),
  counted: z.number().int(),
  uncounted: z.number().int(),
  recount: z.number().int(),
  /** Lines that will get an adjustment, and the net value of those adjustments. */
  adjustments: z.number().int(),
  varianceValue: Money,
});

export const countMethods = {
  'counts.list': query({
    input: z.object({ status: CountStatus.nullish() }),
    output: z.array(CountHeader),
    access: 'any',
  }),
  /** Areas and categories a count can be limited to. */
  'counts.scopeOptions': query({
    input: z.object({}),
    output: z.object({
      areas: z.array(z.object({ id: Id, code: z.string(), nameZh: z.string(), nameEn: z.string() })),
      categories: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })),
    }),
    access: 'any',
  }),
  'counts.start': mutation({
    input: CountScope.extend({ blind: z.boolean().default(false), note: z.string().trim().max(500).default('') }),
    output: z.object({ id: Id, number: z.string(), lines: z.number().int() }),
    access: ['manager', 'admin'],
    invalidates: ['counts.list'],
  }),
  /** The count with every line, sorted for walking the shelves: area, shelf order, item code. */
  'counts.get': query({
    input: z.object({ id: Id }),
    output: z.object({ count: CountHeader, lines: z.array(CountLine) }),
    access: 'any',
  }),
  /**
   * Saves one line: the typed entry (mixed units) is parsed with the item's units.
   * The line is named by its id, or by item + area (+ lot) as a scanner would.
   * An empty entry clears the line (not counted).
   */
  'counts.saveLine': mutation({
    input: z
      .object({
        countId: Id,
        lineId: Id.nullish(),
        itemId: Id.nullish(),
        areaId: Id.nullish(),
        lot: z.string().trim().max(40).default(''),
        entry: z.string().max(200),
      })
      .refine((v) => !!v.lineId || (!!v.itemId && !!v.areaId), { message: 'counts.error.lineRef', path: ['lineId'] }),
    output: CountLine,
    access: ['clerk', 'manager', 'admin'],
    invalidates: ['counts.list'],
  }),
  /** What posting would do: the totals shown in the confirmation. */
  'counts.preview': query({
    input: z.object({ id: Id, uncounted: UncountedRule.default('skip') }),
    output: Totals,
    access: ['manager', 'admin'],
  }),
  'counts.post': mutation({
    input: z.object({ id: Id, uncounted: UncountedRule.default('skip') }),
    output: Totals,
    access: ['manager', 'admin'],
    invalidates: ['counts.list', 'counts.get', 'counts.preview', ...STOCK_QUERIES],
  }),
  'counts.cancel': mutation({
    input: z.object({ id: Id }),
    output: z.object({ ok: z.literal(true) }),
    access: ['manager', 'admin'],
    invalidates: ['counts.list', 'counts.get'],
  }),
} as const;
