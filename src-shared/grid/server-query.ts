import { z } from 'zod';

/**
 * The sort and filter state of a grid whose rows live on the server (ag-grid's
 * infinite row model), as plain data the server turns into SQL. Mirrors
 * ag-grid's own filter models for the text and number filters, so the grid's
 * floating filters work unchanged.
 */
const TextCondition = z.object({
  filterType: z.literal('text'),
  type: z.enum(['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank']),
  filter: z.string().max(200).nullish(),
});
const NumberCondition = z.object({
  filterType: z.literal('number'),
  type: z.enum([
    'equals',
    'notEqual',
    'lessThan',
    'lessThanOrEqual',
    'greaterThan',
    'greaterThanOrEqual',
    'inRange',
    'blank',
    'notBlank',
  ]),
  filter: z.number().finite().nullish(),
  filterTo: z.number().finite().nullish(),
});
const Combined = <T extends z.ZodType>(cond: T, filterType: 'text' | 'number') =>
  z.object({
    filterType: z.literal(filterType),
    operator: z.enum(['AND', 'OR']),
    conditions: z.array(cond).min(1).max(4),
  });

export const TextFilter = z.union([TextCondition, Combined(TextCondition, 'text')]);
export const NumberFilter = z.union([NumberCondition, Combined(NumberCondition, 'number')]);
export const ColumnFilter = z.union([TextFilter, NumberFilter]);
export type TextConditionModel = z.output<typeof TextCondition>;
export type NumberConditionModel = z.output<typeof NumberCondition>;
export type ColumnFilterModel = z.output<typeof ColumnFilter>;

export const SortEntry = z.object({ colId: z.string().max(40), sort: z.enum(['asc', 'desc']) });

/** One block of rows: [startRow, endRow) in the given order, after the filters. */
export const PageRequest = z.object({
  startRow: z.number().int().min(0),
  endRow: z.number().int().min(1),
  sort: z.array(SortEntry).max(5).default([]),
  filters: z.record(z.string().max(40), ColumnFilter).default({}),
});
export type PageRequestInput = z.input<typeof PageRequest>;
