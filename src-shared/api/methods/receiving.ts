import { z } from 'zod';
import { Id } from '../common';
import { mutation, query } from '../contract';
import { LabelPrintDto } from './devices';
import { PoStatus, ReceiptLabel, ReceiptLineDto, ReceiptLineInput } from './procurement';

const CLERKS = ['clerk', 'manager', 'admin'] as const;

const WeightDto = z.object({ amount: z.number().int(), decimals: z.number().int(), unit: z.enum(['kg', 'g', 'lb']) });

/** What a scan on the receiving screen resolved to. */
export const ScanOutcomeDto = z.object({
  status: z.enum(['item', 'unknown', 'invalid']),
  scanKind: z.enum(['ean13', 'ean8', 'upc', 'variable', 'gs1', 'code', 'invalid']),
  text: z.string(),
  /** Unknown: the code looked up; invalid: why it cannot be read (in English, for the log). */
  reason: z.string().optional(),
  item: z
    .object({
      id: Id,
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      baseUnit: z.enum(['g', 'ml', 'pc']),
      /** The unit one scan of this barcode stands for ('' = base unit). */
      unit: z.string(),
      active: z.boolean(),
    })
    .optional(),
  /** From a variable-measure or GS1 (3103) code. */
  weight: WeightDto.optional(),
  /** That weight in thousandths of the base unit. */
  qty: z.number().int().optional(),
  /** From a price-embedded code, 1/10000 yuan. */
  price: z.number().int().optional(),
  lot: z.string().optional(),
  expiry: z.string().optional(),
});
export type ScanOutcome = z.output<typeof ScanOutcomeDto>;

const POSTED = [
  'receipts.list',
  'receipts.get',
  'po.list',
  'po.get',
  'stock.onHand',
  'stock.moves',
  'ops.fefo',
  'ops.expiring',
  'ops.reorder',
  'labels.history',
] as const;

export const receivingMethods = {
  'receiving.scan': query({ input: z.object({ text: z.string().max(200) }), output: ScanOutcomeDto, access: 'any' }),
  /**
   * The clerk's "post line": adds the line (or takes a draft one), posts it
   * (ledger, cost, order) and queues its label in one transaction, then
   * prints. A printer problem never undoes the posting: the label stays in
   * the history as not printed, to print again.
   */
  'receiving.post': mutation({
    input: z.object({
      receiptId: Id,
      lineId: Id.optional(),
      line: ReceiptLineInput.optional(),
      confirm: z.boolean().optional(),
      tempOverride: z.string().trim().max(200).optional(),
      /** false: post without a label (e.g. goods that are not labelled). */
      print: z.boolean().default(true),
      printerId: Id.optional(),
      copies: z.number().int().min(1).max(50).default(1),
    }),
    output: z.object({
      line: ReceiptLineDto,
      label: ReceiptLabel,
      poStatus: PoStatus.nullable(),
      print: LabelPrintDto.nullable(),
    }),
    access: CLERKS,
    invalidates: POSTED,
  }),
} as const;
