import type Database from 'better-sqlite3';
import { DeviceInputDto, type Device, type DeviceInput } from '../../../src-shared/api/methods/devices';
import type { MessageKey } from '../../../src-shared/i18n';
import {
  checkPrinterFilePath,
  PrinterFilePathError,
  type FilePathProblem,
} from '../../devices/printer/transports/file-path';
import { and, eq, ne } from 'drizzle-orm';
import { devices } from '../../db/schema';
import { sql, type SqlRow } from '../../db/sql';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import type { DeviceRecord } from './device-hub';

type Row = Omit<SqlRow<typeof devices.$inferSelect>, 'createdAt' | 'updatedAt'>;

const SELECT = `SELECT id, kind, name, protocol, connection, options, is_default AS isDefault, active FROM devices`;
const devicesTable = sql<1>("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'devices'");
const allDevices = sql<Row>(`${SELECT} ORDER BY kind, name`);
const activeDevices = sql<Row>(`${SELECT} WHERE active = 1 ORDER BY kind, name`);
const deviceById = sql<Row, [string]>(`${SELECT} WHERE id = ?`);

function parseRow(r: Row): DeviceRecord | null {
  const parsed = DeviceInputDto.safeParse({
    kind: r.kind,
    name: r.name,
    protocol: r.protocol,
    connection: JSON.parse(r.connection) as unknown,
    options: JSON.parse(r.options) as unknown,
    isDefault: r.isDefault === 1,
    active: r.active === 1,
  });
  return parsed.success ? { ...parsed.data, id: r.id } : null;
}

/** Rows that no longer parse (written by a newer build) are skipped rather than crashing the hub. */
export function readDevices(sqlite: Database.Database, opts: { activeOnly?: boolean } = {}): DeviceRecord[] {
  if (!devicesTable.get(sqlite)) return [];
  return (opts.activeOnly ? activeDevices : allDevices)
    .all(sqlite)
    .map(parseRow)
    .filter((d): d is DeviceRecord => d !== null);
}

function toDto(d: DeviceRecord): Device {
  return {
    id: d.id,
    kind: d.kind,
    name: d.name,
    protocol: d.protocol,
    connection: d.connection,
    options: d.options as Record<string, unknown>,
    isDefault: d.isDefault,
    active: d.active,
  };
}

export function listDevices(ctx: Ctx): Device[] {
  return readDevices(ctx.sqlite).map(toDto);
}

function getDevice(ctx: Ctx, id: string): DeviceRecord {
  const row = deviceById.get(ctx.sqlite, id);
  const d = row && parseRow(row);
  if (!d) throw new AppError('NOT_FOUND');
  return d;
}

/** Two devices on one port would fight for it ("Cannot lock port"): refuse the second. */
function assertPortFree(ctx: Ctx, input: DeviceInput, selfId: string | null): void {
  const path =
    input.kind === 'scale'
      ? input.connection.path
      : input.connection.kind === 'tcp'
        ? null
        : input.connection.kind === 'serial'
          ? input.connection.serial.path
          : null;
  if (!path || !input.active) return;
  for (const d of readDevices(ctx.sqlite, { activeOnly: true })) {
    if (d.id === selfId) continue;
    const other =
      d.kind === 'scale' ? d.connection.path : d.connection.kind === 'serial' ? d.connection.serial.path : null;
    if (other === path) {
      throw new AppError('CONFLICT', 'devices.error.portTaken', { path, name: d.name }, [
        { path: 'connection.path', key: 'devices.error.portTaken', params: { path, name: d.name } },
      ]);
    }
  }
}

const FILE_PATH_KEYS: Record<FilePathProblem, MessageKey> = {
  outside: 'devices.error.fileOutside',
  notFile: 'devices.error.fileNotFile',
  noDevice: 'devices.error.fileNoDevice',
  noFolder: 'devices.error.fileNoFolder',
};

/** A file printer writes in the store's printers folder or to a device node; say where when it may not. */
function assertFilePathAllowed(ctx: Ctx, input: DeviceInput): void {
  if (input.kind !== 'printer' || input.connection.kind !== 'file') return;
  try {
    checkPrinterFilePath(input.connection.path, { dataDir: ctx.host.paths.dir }, 'save');
  } catch (err) {
    if (!(err instanceof PrinterFilePathError)) throw err;
    const key = FILE_PATH_KEYS[err.problem];
    const params = { path: err.path, folder: err.folder };
    throw new AppError('VALIDATION', key, params, [{ path: 'connection.path', key, params }]);
  }
}

export function saveDevice(ctx: Ctx, input: DeviceInput & { id?: string | undefined }): Device {
  const id = input.id ?? uuidv7(ctx.now);
  const before = input.id ? getDevice(ctx, input.id) : null;
  assertPortFree(ctx, input, input.id ?? null);
  assertFilePathAllowed(ctx, input);
  const values = {
    name: input.name,
    protocol: input.protocol,
    connection: JSON.stringify(input.connection),
    options: JSON.stringify(input.options),
    isDefault: input.isDefault,
    active: input.active,
    updatedAt: ctx.now,
  };
  // One default per kind: the receiving screen uses it unless the clerk picks another.
  if (input.isDefault) {
    ctx.db
      .update(devices)
      .set({ isDefault: false, updatedAt: ctx.now })
      .where(and(eq(devices.kind, input.kind), ne(devices.id, id)))
      .run();
  }
  if (before) {
    if (before.kind !== input.kind) {
      throw new AppError('VALIDATION', 'devices.error.kindChange', undefined, [
        { path: 'kind', key: 'devices.error.kindChange' },
      ]);
    }
    ctx.db.update(devices).set(values).where(eq(devices.id, id)).run();
    ctx.changed({ table: 'devices', id, op: 'update', values: { ...input }, before: { ...before } });
  } else {
    ctx.db
      .insert(devices)
      .values({ ...values, id, kind: input.kind, createdAt: ctx.now })
      .run();
    ctx.changed({ table: 'devices', id, op: 'insert', values: { ...input } });
  }
  return toDto(getDevice(ctx, id));
}

export function removeDevice(ctx: Ctx, input: { id: string }): { ok: true } {
  const before = getDevice(ctx, input.id);
  ctx.db.delete(devices).where(eq(devices.id, input.id)).run();
  ctx.changed({ table: 'devices', id: input.id, op: 'delete', before: { ...before } });
  return { ok: true };
}
