import type Database from 'better-sqlite3';
import { DeviceInputDto, type Device, type DeviceInput } from '../../../src-shared/api/methods/devices';
import type { MessageKey } from '../../../src-shared/i18n';
import {
  checkPrinterFilePath,
  PrinterFilePathError,
  type FilePathProblem,
} from '../../devices/printer/transports/file-path';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import type { DeviceRecord } from './device-hub';

interface Row {
  id: string;
  kind: string;
  name: string;
  protocol: string;
  connection: string;
  options: string;
  isDefault: number;
  active: number;
}

const SELECT = `SELECT id, kind, name, protocol, connection, options, is_default AS isDefault, active FROM devices`;

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
  if (!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'devices'").get()) return [];
  const rows = sqlite
    .prepare(`${SELECT} ${opts.activeOnly ? 'WHERE active = 1' : ''} ORDER BY kind, name`)
    .all() as Row[];
  return rows.map(parseRow).filter((d): d is DeviceRecord => d !== null);
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
  const row = ctx.sqlite.prepare(`${SELECT} WHERE id = ?`).get(id) as Row | undefined;
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
    kind: input.kind,
    name: input.name,
    protocol: input.protocol,
    connection: JSON.stringify(input.connection),
    options: JSON.stringify(input.options),
    isDefault: input.isDefault ? 1 : 0,
    active: input.active ? 1 : 0,
  };
  // One default per kind: the receiving screen uses it unless the clerk picks another.
  if (input.isDefault) {
    ctx.sqlite
      .prepare('UPDATE devices SET is_default = 0, updated_at = ? WHERE kind = ? AND id <> ?')
      .run(ctx.now, input.kind, id);
  }
  if (before) {
    if (before.kind !== input.kind) {
      throw new AppError('VALIDATION', 'devices.error.kindChange', undefined, [
        { path: 'kind', key: 'devices.error.kindChange' },
      ]);
    }
    ctx.sqlite
      .prepare(
        `UPDATE devices SET name = @name, protocol = @protocol, connection = @connection, options = @options,
           is_default = @isDefault, active = @active, updated_at = @now WHERE id = @id`,
      )
      .run({ ...values, id, now: ctx.now });
    ctx.changed({ table: 'devices', id, op: 'update', values: { ...input }, before: { ...before } });
  } else {
    ctx.sqlite
      .prepare(
        `INSERT INTO devices (id, kind, name, protocol, connection, options, is_default, active, created_at, updated_at)
         VALUES (@id, @kind, @name, @protocol, @connection, @options, @isDefault, @active, @now, @now)`,
      )
      .run({ ...values, id, now: ctx.now });
    ctx.changed({ table: 'devices', id, op: 'insert', values: { ...input } });
  }
  return toDto(getDevice(ctx, id));
}

export function removeDevice(ctx: Ctx, input: { id: string }): { ok: true } {
  const before = getDevice(ctx, input.id);
  ctx.sqlite.prepare('DELETE FROM devices WHERE id = ?').run(input.id);
  ctx.changed({ table: 'devices', id: input.id, op: 'delete', before: { ...before } });
  return { ok: true };
}
