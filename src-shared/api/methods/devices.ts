import * as z from '../lazy-zod';
import { PRINTER_FAULTS, PRINTER_LANGUAGES, SCALE_PROTOCOLS } from '../../devices';
import { LabelDataSchema, LabelTemplateSchema } from '../../labels/template';
import { Empty, Id, IsoTime, Ok } from '../common';
import { mutation, query } from '../contract';

const SETUP = ['manager', 'admin'] as const;

const DevicePath = z.string().trim().min(1).max(200);
export const SerialSettingsDto = z.object({
  path: DevicePath,
  baudRate: z.number().int().min(300).max(921_600),
  dataBits: z.union([z.literal(7), z.literal(8)]),
  parity: z.enum(['none', 'even', 'odd']),
  stopBits: z.union([z.literal(1), z.literal(2)]),
});
export const PrinterTransportDto = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('serial'), serial: SerialSettingsDto }),
  z.object({
    kind: z.literal('tcp'),
    host: z.string().trim().min(1).max(253),
    port: z.number().int().min(1).max(65_535),
  }),
  z.object({ kind: z.literal('file'), path: DevicePath }),
]);

const Name = z.string().trim().min(1).max(60);
const Base = { name: Name, isDefault: z.boolean().default(false), active: z.boolean().default(true) };

export const DeviceInputDto = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('scale'),
    ...Base,
    protocol: z.enum(SCALE_PROTOCOLS),
    connection: SerialSettingsDto,
    options: z
      .object({
        unit: z.enum(['kg', 'g', 'lb']).optional(),
        pollIntervalMs: z.number().int().min(50).max(5000).optional(),
      })
      .default({}),
  }),
  z.object({
    kind: z.literal('printer'),
    ...Base,
    protocol: z.enum(PRINTER_LANGUAGES),
    connection: PrinterTransportDto,
    options: z.object({ dpi: z.union([z.literal(203), z.literal(300)]).optional() }).default({}),
  }),
]);
export type DeviceInput = z.output<typeof DeviceInputDto>;

export const ScaleReadingDto = z.union([
  z.object({
    kind: z.literal('weight'),
    weight: z.object({ amount: z.number().int(), decimals: z.number().int(), unit: z.enum(['kg', 'g', 'lb']) }),
    stable: z.boolean(),
    net: z.boolean(),
  }),
  z.object({ kind: z.literal('overload') }),
  z.object({ kind: z.literal('underload') }),
  z.object({ kind: z.literal('error'), code: z.string() }),
]);

/** What a device is doing now; pushed as `device` events and readable with devices.states. */
export const DeviceStateDto = z.object({
  id: Id,
  kind: z.enum(['scale', 'printer']),
  status: z.enum(['offline', 'connecting', 'online']),
  /** Scales: the last reading (null when there is none). */
  reading: ScaleReadingDto.nullable(),
  /** Printers: faults from the last status query. */
  faults: z.array(z.enum(PRINTER_FAULTS)),
  at: z.number(),
  detail: z.string(),
});
export type DeviceState = z.output<typeof DeviceStateDto>;

export const DeviceDto = z.object({
  id: Id,
  kind: z.enum(['scale', 'printer']),
  name: z.string(),
  protocol: z.string(),
  connection: z.unknown(),
  options: z.record(z.string(), z.unknown()),
  isDefault: z.boolean(),
  active: z.boolean(),
});
export type Device = z.output<typeof DeviceDto>;

export const LabelTemplateRowDto = z.object({
  id: Id,
  name: z.string(),
  definition: LabelTemplateSchema,
  isDefault: z.boolean(),
});

export const LabelPrintDto = z.object({
  id: Id,
  templateId: Id,
  printerId: Id.nullable(),
  printerName: z.string().nullable(),
  data: LabelDataSchema,
  copies: z.number().int(),
  sourceType: z.string(),
  sourceId: z.string(),
  status: z.enum(['pending', 'printed', 'failed']),
  error: z.string(),
  createdAt: IsoTime,
  createdBy: z.string().nullable(),
  printedAt: IsoTime.nullable(),
});
export type LabelPrint = z.output<typeof LabelPrintDto>;

const DEVICE_QUERIES = ['devices.list', 'devices.states'];

export const deviceMethods = {
  'devices.list': query({ input: Empty, output: z.array(DeviceDto), access: 'any' }),
  'devices.states': query({ input: Empty, output: z.array(DeviceStateDto), access: 'any' }),
  /** Serial ports the system reports (USB adapters, COM ports); ptys and symlinks can be typed in. */
  'devices.ports': query({
    input: Empty,
    output: z.array(z.object({ path: z.string(), manufacturer: z.string(), label: z.string() })),
    access: SETUP,
  }),
  'devices.save': mutation({
    input: z.intersection(z.object({ id: Id.optional() }), DeviceInputDto),
    output: DeviceDto,
    access: SETUP,
    invalidates: DEVICE_QUERIES,
  }),
  'devices.remove': mutation({ input: z.object({ id: Id }), output: Ok, access: SETUP, invalidates: DEVICE_QUERIES }),
  /** Zero, tare or clear the tare on a scale whose protocol has the command (sent once the request is recorded). */
  'devices.scaleCommand': mutation({
    input: z.object({ id: Id, command: z.enum(['zero', 'tare', 'clearTare']) }),
    output: Ok,
    access: 'any',
  }),
  /** Asks the printer now (ESC ! ? or ~HS) and returns what it said: a read, nothing is written. */
  'devices.printerStatus': query({
    input: z.object({ id: Id }),
    output: DeviceStateDto,
    access: 'any',
  }),
  /** Prints the test label once the request is recorded; the reply says what the printer took and reported. */
  'devices.testLabel': mutation({
    input: z.object({ id: Id }),
    output: z.object({ bytes: z.number().int(), faults: z.array(z.enum(PRINTER_FAULTS)) }),
    access: SETUP,
  }),

  'labels.templates': query({ input: Empty, output: z.array(LabelTemplateRowDto), access: 'any' }),
  'labels.saveTemplate': mutation({
    input: z.object({ id: Id.optional(), name: Name, definition: LabelTemplateSchema, isDefault: z.boolean() }),
    output: LabelTemplateRowDto,
    access: SETUP,
    invalidates: ['labels.templates'],
  }),
  /** The label as it will print (SVG, same layout the printer languages are generated from). */
  'labels.preview': query({
    input: z.object({ definition: LabelTemplateSchema, data: LabelDataSchema.optional() }),
    output: z.object({ svg: z.string(), problems: z.array(z.string()) }),
    access: 'any',
  }),
  'labels.history': query({
    input: z.object({
      status: z.enum(['pending', 'printed', 'failed']).optional(),
      sourceType: z.string().max(40).optional(),
      sourceId: z.string().max(40).optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.array(LabelPrintDto),
    access: 'any',
  }),
  /** The QR label of one piece of equipment (code and `EQ:<code>`) on the store's label printer. */
  'labels.printEquipment': mutation({
    input: z.object({ equipmentId: Id, printerId: Id.optional(), copies: z.number().int().min(1).max(20).default(1) }),
    output: LabelPrintDto,
    access: 'any',
    invalidates: ['labels.history'],
  }),
  /** Prints a label from history again (a failed one, or a copy of a printed one). */
  'labels.reprint': mutation({
    input: z.object({ id: Id, printerId: Id.optional() }),
    output: LabelPrintDto,
    access: 'any',
    invalidates: ['labels.history', 'receipts.get'],
  }),
} as const;
