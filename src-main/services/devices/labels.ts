import type Database from 'better-sqlite3';
import type { LabelPrint } from '../../../src-shared/api/methods/devices';
import { receivingBarcode } from '../../../src-shared/labels/defaults';
import { EQUIPMENT_TEMPLATE_ID, RECEIVING_TEMPLATE_ID } from '../../../src-shared/labels/builtin-ids';
import { resolveLabel } from '../../../src-shared/labels/layout';
import { SAMPLE_RECEIVING } from '../../../src-shared/labels/samples';
import { LabelTemplateSchema, type LabelData, type LabelTemplate } from '../../../src-shared/labels/template';
import { PrinterNotReadyError } from '../../devices/printer/printer';
import { labelToSvg } from '../../devices/printer/render';
import { eq } from 'drizzle-orm';
import { labelPrints, labelTemplates, type equipment, type store } from '../../db/schema';
import { insertText } from '../../db/schema-sql';
import { dynamicSql, sql, type SqlRow } from '../../db/sql';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import { storeDay } from '../store/store-day';
import { storeMoney } from '../store/money';
import type { Ctx } from '../context';
import { refuseHqOwnedRows } from '../hq-owned';
import { DeviceError, type DeviceHub } from './device-hub';

type TemplateRow = Omit<SqlRow<typeof labelTemplates.$inferSelect>, 'createdAt' | 'updatedAt'>;

const TEMPLATE_SELECT = 'SELECT id, name, definition, is_default AS isDefault FROM label_templates';
const templatesDefaultFirst = sql<TemplateRow>(`${TEMPLATE_SELECT} ORDER BY is_default DESC, name`);
const templateById = sql<TemplateRow, [string]>(`${TEMPLATE_SELECT} WHERE id = ?`);
/** The newest default template other than the equipment one. */
const defaultReceivingTemplate = sql<Pick<TemplateRow, 'id'>, [string]>(
  'SELECT id FROM label_templates WHERE is_default = 1 AND id <> ? ORDER BY updated_at DESC LIMIT 1',
);
const clearOtherDefaults = sql<never, [string, string]>(
  'UPDATE label_templates SET is_default = 0 WHERE id <> ? AND id <> ?',
);

function parseTemplate(r: TemplateRow) {
  return {
    id: r.id,
    name: r.name,
    definition: LabelTemplateSchema.parse(JSON.parse(r.definition)),
    isDefault: r.isDefault === 1,
  };
}

export function listTemplates(ctx: Ctx) {
  return templatesDefaultFirst.all(ctx.sqlite).map(parseTemplate);
}

export function getTemplate(sqlite: Database.Database, id: string): { id: string; definition: LabelTemplate } {
  const row = templateById.get(sqlite, id);
  if (!row) throw new AppError('NOT_FOUND');
  return parseTemplate(row);
}

/** The receiving template labels are printed with: the default one, else the built-in. */
export function receivingTemplateId(sqlite: Database.Database): string {
  const row = defaultReceivingTemplate.get(sqlite, EQUIPMENT_TEMPLATE_ID);
  return row?.id ?? RECEIVING_TEMPLATE_ID;
}

/** Same value whatever the order of object keys (a stored layout and the form's copy of it). */
function sameJson(a: unknown, b: unknown): boolean {
  const canon = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canon)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canon((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}

export function saveTemplate(
  ctx: Ctx,
  input: { id?: string | undefined; name: string; definition: LabelTemplate; isDefault: boolean },
) {
  const id = input.id ?? uuidv7(ctx.now);
  const exists = input.id ? getTemplate(ctx.sqlite, input.id) : null;
  // Which layout prints by default is the store's own choice; the layouts themselves are HQ's.
  const stored = exists ? templateById.get(ctx.sqlite, id) : undefined;
  if (!stored || stored.name !== input.name || !sameJson(JSON.parse(stored.definition), input.definition)) {
    refuseHqOwnedRows(ctx, 'label_templates', input.name);
  }
  if (input.isDefault && id !== EQUIPMENT_TEMPLATE_ID) {
    clearOtherDefaults.run(ctx.sqlite, id, EQUIPMENT_TEMPLATE_ID);
  }
  const definition = JSON.stringify(input.definition);
  if (exists) {
    ctx.db
      .update(labelTemplates)
      .set({ name: input.name, definition, isDefault: input.isDefault, updatedAt: ctx.now })
      .where(eq(labelTemplates.id, id))
      .run();
    ctx.changed({
      table: 'label_templates',
      id,
      op: 'update',
      values: { name: input.name, definition, isDefault: input.isDefault },
    });
  } else {
    ctx.db
      .insert(labelTemplates)
      .values({ id, name: input.name, definition, isDefault: input.isDefault, createdAt: ctx.now, updatedAt: ctx.now })
      .run();
    ctx.changed({
      table: 'label_templates',
      id,
      op: 'insert',
      values: { name: input.name, definition, isDefault: input.isDefault },
    });
  }
  return parseTemplate(templateById.get(ctx.sqlite, id)!);
}

/** What the template editor previews when no real line is given: the sample label, dated today, in the store's currency. */
export function sampleLabelData(today: string, currency: string): LabelData {
  const data: LabelData = {
    ...SAMPLE_RECEIVING,
    currency,
    receivedDate: today,
    expiryDate: today,
    storeName: 'SH-001',
    equipmentCode: 'EQ-FRY-01',
  };
  data.barcode = receivingBarcode(data);
  return data;
}

export function previewLabel(ctx: Ctx, input: { definition: LabelTemplate; data?: LabelData | undefined }) {
  const data = input.data ?? sampleLabelData(storeDay(ctx), storeMoney(ctx).currency);
  if (!input.data && input.definition.elements.some((e) => e.type === 'barcode' && e.symbology === 'qr')) {
    data.barcode = `EQ:${data.equipmentCode}`;
  }
  const label = resolveLabel(input.definition, data, { strict: false });
  return { svg: labelToSvg(label), problems: label.warnings };
}

type PrintRecord = typeof labelPrints.$inferSelect;
/** A job with its printer's name, and who queued it by name (createdBy). */
type PrintRow = PrintRecord & { printerName: string | null };

const PRINT_SELECT = `SELECT p.id, p.template_id AS templateId, p.printer_id AS printerId, d.name AS printerName, p.data,
  p.copies, p.source_type AS sourceType, p.source_id AS sourceId, p.status, p.error, p.created_at AS createdAt,
  u.display_name AS createdBy, p.printed_at AS printedAt
  FROM label_prints p LEFT JOIN devices d ON d.id = p.printer_id LEFT JOIN users u ON u.id = p.created_by`;

const printById = sql<PrintRow, [string]>(`${PRINT_SELECT} WHERE p.id = ?`);
const insertPrint = sql<never, [PrintRecord]>(insertText(labelPrints));
const recordOutcome = sql<never, [Pick<PrintRecord, 'status' | 'error' | 'printerId' | 'printedAt' | 'id'>]>(
  'UPDATE label_prints SET status = @status, error = @error, printer_id = @printerId, printed_at = @printedAt WHERE id = @id',
);
const equipmentForLabel = sql<Pick<typeof equipment.$inferSelect, 'code' | 'name' | 'category' | 'location'>, [string]>(
  'SELECT code, name, category, location FROM equipment WHERE id = ?',
);
const storeName = sql<Pick<typeof store.$inferSelect, 'code' | 'name'>>('SELECT code, name FROM store LIMIT 1');

function toPrintDto(r: PrintRow): LabelPrint {
  return {
    ...r,
    data: JSON.parse(r.data) as LabelData,
    createdAt: new Date(r.createdAt).toISOString(),
    printedAt: r.printedAt === null ? null : new Date(r.printedAt).toISOString(),
  };
}

export function getLabelPrint(sqlite: Database.Database, id: string): LabelPrint {
  const row = printById.get(sqlite, id);
  if (!row) throw new AppError('NOT_FOUND');
  return toPrintDto(row);
}

export function labelHistory(
  ctx: Ctx,
  input: { status?: string | undefined; sourceType?: string | undefined; sourceId?: string | undefined; limit: number },
): LabelPrint[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  const add = (cond: string, arg: string | undefined) => {
    if (!arg) return;
    where.push(cond);
    args.push(arg);
  };
  add('p.status = ?', input.status);
  add('p.source_type = ?', input.sourceType);
  add('p.source_id = ?', input.sourceId);
  // The conditions are fixed fragments chosen by which filters are set; values travel as parameters.
  return dynamicSql<PrintRow>(
    ctx.sqlite,
    `${PRINT_SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY p.created_at DESC, p.id DESC LIMIT ?`,
  )
    .all(...args, input.limit)
    .map(toPrintDto);
}

/**
 * Records a label job as pending, inside the caller's transaction: if the
 * printer then fails or the app stops, the job is listed as not printed and
 * can be printed again.
 */
export function queueLabel(
  ctx: Ctx,
  job: {
    templateId: string;
    printerId: string | null;
    data: LabelData;
    copies?: number;
    sourceType: string;
    sourceId: string;
  },
): string {
  const id = uuidv7(ctx.now);
  insertPrint.run(ctx.sqlite, {
    id,
    templateId: job.templateId,
    printerId: job.printerId,
    data: JSON.stringify(job.data),
    copies: job.copies ?? 1,
    sourceType: job.sourceType,
    sourceId: job.sourceId,
    status: 'pending',
    error: '',
    createdAt: ctx.now,
    createdBy: ctx.user?.id ?? null,
    printedAt: null,
  });
  ctx.changed({
    table: 'label_prints',
    id,
    op: 'insert',
    values: {
      templateId: job.templateId,
      printerId: job.printerId,
      copies: job.copies ?? 1,
      sourceType: job.sourceType,
      sourceId: job.sourceId,
    },
  });
  return id;
}

/** Why a job did not print, as codes the screens translate (faults, or a device error key). */
function failureCode(err: unknown): string {
  if (err instanceof PrinterNotReadyError) return err.status.faults.join(',') || 'no_answer';
  if (err instanceof DeviceError) return err.key;
  return 'error';
}

/**
 * Sends a queued job to its printer (or the default one) and records the
 * outcome; after the caller's transaction committed. Never throws for a
 * printer problem: the result says what happened.
 */
export async function runLabelJob(
  sqlite: Database.Database,
  hub: DeviceHub,
  id: string,
  log: { warn(msg: string, data?: unknown): void },
  printerId?: string | null,
): Promise<LabelPrint> {
  const job = getLabelPrint(sqlite, id);
  let printer: string | null = printerId ?? job.printerId;
  try {
    printer = hub.printerFor(printer).id;
    const template = getTemplate(sqlite, job.templateId).definition;
    await hub.print(printer, template, job.data, job.copies);
    recordOutcome.run(sqlite, { status: 'printed', error: '', printerId: printer, printedAt: Date.now(), id });
  } catch (err) {
    log.warn('label not printed', { id, err: err instanceof Error ? err.message : String(err) });
    recordOutcome.run(sqlite, { status: 'failed', error: failureCode(err), printerId: printer, printedAt: null, id });
  }
  return getLabelPrint(sqlite, id);
}

/**
 * The reply of a mutation that queued label job `id`: the job as it stands
 * once dispatch has committed it and then printed it (runLabelJob, after the
 * commit, in its own small write) on the job's printer or the default one. Dispatch runs after-commit work before it
 * replies, so the reply the caller gets says printed or failed, as before.
 */
export function printAfterCommit(ctx: Ctx, id: string): LabelPrint {
  const reply = getLabelPrint(ctx.sqlite, id);
  ctx.afterCommit(async () => {
    Object.assign(reply, await runLabelJob(ctx.sqlite, ctx.devices, id, ctx.log));
  });
  return reply;
}

/** A new history row for a job printed again: the original keeps what happened to it. */
export function queueReprint(ctx: Ctx, input: { id: string; printerId?: string | undefined }): string {
  const original = getLabelPrint(ctx.sqlite, input.id);
  return queueLabel(ctx, {
    templateId: original.templateId,
    printerId: input.printerId ?? original.printerId,
    data: original.data,
    copies: original.copies,
    sourceType: original.sourceType,
    sourceId: original.sourceId,
  });
}

/**
 * The QR label of a piece of equipment: its code as text and `EQ:<code>` in
 * the QR (what the repair screen resolves when someone scans it to report a
 * fault). Queued in the caller's transaction like every label.
 */
export function queueEquipmentLabel(
  ctx: Ctx,
  input: { equipmentId: string; printerId?: string | undefined; copies: number },
): string {
  const eq = equipmentForLabel.get(ctx.sqlite, input.equipmentId);
  if (!eq) throw new AppError('NOT_FOUND');
  const store = storeName.get(ctx.sqlite);
  return queueLabel(ctx, {
    templateId: EQUIPMENT_TEMPLATE_ID,
    printerId: input.printerId ?? null,
    data: {
      itemCode: eq.code,
      nameZh: eq.name,
      nameEn: eq.location,
      equipmentCode: eq.code,
      barcode: `EQ:${eq.code}`,
      // The store's day: a label printed at 01:00 in Shanghai is dated that day, not yesterday (UTC).
      receivedDate: storeDay(ctx),
      ...(store ? { storeName: `${store.code} ${store.name}` } : {}),
    },
    copies: input.copies,
    sourceType: 'equipment',
    sourceId: input.equipmentId,
  });
}
