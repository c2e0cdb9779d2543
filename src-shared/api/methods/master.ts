import { z } from 'zod';
import { query } from '../contract';
import { Empty, Id } from '../common';

/**
 * Master data as seeded by the foundation. Inventory, receiving and repairs
 * extend these tables and add the editing methods. Items live in items.ts,
 * suppliers (with their catalogue) in procurement.ts.
 */
export const EquipmentDto = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  category: z.string(),
  location: z.string(),
  make: z.string(),
  model: z.string(),
});

export const masterMethods = {
  'equipment.list': query({ input: Empty, output: z.array(EquipmentDto), access: 'any' }),
} as const;
