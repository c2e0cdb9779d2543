import * as z from '../lazy-zod';
import { Id, IsoTime } from '../common';
import { mutation, query } from '../contract';
import { DayText, Money, Qty, STOCK_QUERIES } from './stock';

/** A quantity as typed: decimal text in one of the item's units (base unit, kg/l, or an item_units unit). */
export const TypedQty = {
  qty: z.string().trim().min(1).max(24),
  unit: z.string().trim().min(1).max(20),
};
const Lot = z.string().trim().max(40).optional();
const Note = z.string().trim().max(500).optional();
const STOCK = STOCK_QUERIES;
/** Who posts stock documents (issue, waste, transfers). */
const POSTERS = ['clerk', 'manager', 'admin'] as const;

export const PickerItem = z.object({
  id: Id,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  category: z.string(),
  baseUnit: z.string(),
  lotTracked: z.boolean(),
  shelfLifeDays: z.number().int().nullable(),
  /** Units the quantity may be typed in, with thousandths of the base unit per one. */
  units: z.array(z.object({ unit: z.string(), factor: z.number().int() })),
});
export const PickerArea = z.object({ id: Id, code: z.string(), nameZh: z.string(), nameEn: z.string() });
export const ReasonDto = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });

export const LotRow = z.object({ lot: z.string(), expiry: z.string().nullable(), qty: Qty });

export const ExpiryRow = z.object({
  itemId: Id,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  baseUnit: z.string(),
  areaId: Id,
  areaCode: z.string(),
  lot: z.string(),
  expiry: z.string(),
  /** Days from today (store time zone) to the expiry; negative when already expired. */
  daysLeft: z.number().int(),
  qty: Qty,
  value: Money,
});

export const ReorderRow = z.object({
  itemId: Id,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  category: z.string(),
  baseUnit: z.string(),
  onHand: Qty,
  reorderPoint: Qty,
  parLevel: Qty.nullable(),
  packUnit: z.string(),
  packFactor: z.number().int(),
  packs: z.number().int(),
  suggestedQty: Qty,
});

export const TransferLineDto = z.object({
  id: Id,
  itemCode: z.string(),
  itemId: Id.nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  baseUnit: z.string(),
  lot: z.string(),
  expiry: z.string().nullable(),
  qtySent: Qty,
  valueSent: Money,
  qtyReceived: Qty.nullable(),
  note: z.string(),
});
export const TransferDto = z.object({
  id: Id,
  number: z.string(),
  direction: z.enum(['out', 'in']),
  fromStore: z.string(),
  toStore: z.string(),
  status: z.enum(['in_transit', 'received', 'cancelled']),
  sentAt: IsoTime,
  receivedAt: IsoTime.nullable(),
  /** When the file for the receiving store was first exported; from then on the transfer cannot be cancelled. */
  exportedAt: IsoTime.nullable(),
  note: z.string(),
  /** A transfer out that has gone to HQ, which sends it on: like an exported file, it can no longer be cancelled. */
  leftForHq: z.boolean().optional(),
  /** Routed by HQ and not received yet: the name of the store it comes from. */
  arrivingFrom: z.string().optional(),
  lines: z.array(TransferLineDto),
});

const DocLine = z.object({ itemId: Id, ...TypedQty, lot: Lot });
const Posted = z.object({ docId: Id, moves: z.number().int(), value: Money });

export const opsMethods = {
  /** Active items and areas for the pickers of the stock screens, waste reasons and the stock settings. */
  'ops.pickers': query({
    input: z.object({}),
    output: z.object({
      items: z.array(PickerItem),
      areas: z.array(PickerArea),
      reasons: z.array(ReasonDto),
      negativeStock: z.enum(['block', 'allow']),
      expiryAlertDays: z.number().int(),
      storeCode: z.string(),
    }),
    access: 'any',
  }),
  /** Lots of an item in an area with stock, earliest expiry first (first expired, first out). */
  'ops.fefo': query({
    input: z.object({ itemId: Id, areaId: Id }),
    output: z.array(LotRow),
    access: 'any',
  }),
  /** Issue / usage, sales depletion, or a move between two storage areas (one document). */
  'ops.issue': mutation({
    input: z.object({
      kind: z.enum(['issue', 'sale', 'area_move']),
      areaId: Id,
      toAreaId: Id.optional(),
      lines: z.array(DocLine).min(1).max(500),
      reason: z.string().trim().max(40).optional(),
      note: Note,
    }),
    output: Posted,
    access: POSTERS,
    invalidates: STOCK,
  }),
  'ops.waste': mutation({
    input: z.object({
      areaId: Id,
      lines: z
        .array(DocLine.extend({ reason: z.string().trim().min(1).max(40) }))
        .min(1)
        .max(500),
      note: Note,
      photo: z
        .object({ fileName: z.string().trim().min(1).max(200), dataBase64: z.string().max(4_000_000) })
        .optional(),
    }),
    output: Posted,
    access: POSTERS,
    invalidates: STOCK,
  }),
  'ops.transfers': query({
    input: z.object({ direction: z.enum(['out', 'in']).nullish() }),
    output: z.array(TransferDto),
    access: 'any',
  }),
  'ops.transferOut': mutation({
    input: z.object({
      toStore: z.string().trim().min(1).max(20),
      areaId: Id,
      lines: z.array(DocLine).min(1).max(500),
      note: Note,
    }),
    output: z.object({ id: Id, number: z.string() }),
    access: POSTERS,
    invalidates: [...STOCK, 'ops.transfers'],
  }),
  /**
   * The transfer as a file for the receiving store: JSON with a SHA-256 checksum
   * of its content. A mutation because the first export is recorded (with a
   * copy of the file): from then on the other store may hold the goods on
   * paper, so the transfer can no longer be cancelled here.
   */
  'ops.transferExport': mutation({
    input: z.object({ id: Id }),
    output: z.object({ fileName: z.string(), content: z.string() }),
    access: POSTERS,
    invalidates: ['ops.transfers'],
  }),
  /**
   * Cancels a transfer out that was never exported: reversing entries bring the
   * goods back into the area they left, at the cost they left with.
   */
  'ops.transferCancel': mutation({
    input: z.object({ id: Id, note: z.string().trim().min(1).max(200) }),
    output: z.object({ moves: z.number().int(), value: Money }),
    access: ['manager', 'admin'],
    invalidates: [...STOCK, 'ops.transfers'],
  }),
  'ops.transferImport': mutation({
    input: z.object({ content: z.string().min(1).max(5_000_000) }),
    output: z.object({ id: Id, number: z.string() }),
    access: POSTERS,
    invalidates: ['ops.transfers'],
  }),
  /** Confirms what arrived, line by line (quantities in the base unit's thousandths). */
  'ops.transferReceive': mutation({
    input: z.object({
      id: Id,
      areaId: Id,
      lines: z
        .array(z.object({ lineId: Id, qtyReceived: Qty.min(0), note: z.string().trim().max(200).optional() }))
        .min(1),
      note: Note,
    }),
    output: z.object({ moves: z.number().int(), value: Money }),
    access: POSTERS,
    invalidates: [...STOCK, 'ops.transfers'],
  }),
  /** Lots expiring within `days` (default: the store setting) and lots already expired, with value. */
  'ops.expiring': query({
    input: z.object({ days: z.number().int().min(0).max(3650).nullish() }),
    output: z.object({
      days: z.number().int(),
      today: DayText,
      expiring: z.array(ExpiryRow),
      expired: z.array(ExpiryRow),
    }),
    access: 'any',
  }),
  /** Items at or below their reorder point: fill to par, rounded up to whole purchase packs. */
  'ops.reorder': query({
    input: z.object({}),
    output: z.array(ReorderRow),
    access: 'any',
  }),
} as const;
