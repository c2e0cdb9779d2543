import type Database from 'better-sqlite3';
import type { DeviceState } from '../../../src-shared/api/methods/devices';
import type { PrinterStatus, ScaleState } from '../../../src-shared/devices';
import type { ServerEvent } from '../../../src-shared/events';
import type { EventBus } from '../../lib/event-bus';
import { LabelPrinter } from '../../devices/printer/printer';
import { PrinterFilePathError } from '../../devices/printer/transports/file-path';
import { ScaleDriver } from '../../devices/scale/driver';
import type { Logger } from '../../lib/log';
import { DeviceError, type DeviceHub, type DeviceRecord } from './device-hub';
import { readDevices } from './registry';

/** Printers are asked for their status this often while idle, so the status bar shows paper out before a job. */
const PRINTER_POLL_MS = 30_000;

interface Running {
  record: DeviceRecord;
  /** JSON of the settings it was started with: a change means restart. */
  signature: string;
  scale?: ScaleDriver;
  printer?: LabelPrinter;
  state: DeviceState;
  poll?: NodeJS.Timeout;
}

function scaleState(id: string, s: ScaleState): DeviceState {
  return { id, kind: 'scale', status: s.status, reading: s.reading, faults: [], at: s.at, detail: s.detail };
}

function printerState(id: string, s: PrinterStatus, detail: string): DeviceState {
  return {
    id,
    kind: 'printer',
    status: s.faults.includes('no_answer') ? 'offline' : 'online',
    reading: null,
    faults: [...s.faults],
    at: Date.now(),
    detail,
  };
}

/** Only changes are pushed: a continuous scale sends ten identical frames a second. */
function sameState(a: DeviceState, b: DeviceState): boolean {
  return (
    a.status === b.status &&
    a.detail === b.detail &&
    JSON.stringify(a.reading) === JSON.stringify(b.reading) &&
    a.faults.join() === b.faults.join()
  );
}

/** A refused file path is the settings' fault, not the printer's: say so, and which setting to fix. */
function fileRefused(err: unknown): never {
  if (err instanceof PrinterFilePathError) throw new DeviceError('devices.error.filePath', err.message);
  throw err;
}

export function createDeviceHub(deps: {
  sqlite: Database.Database;
  events: EventBus<ServerEvent>;
  log: Logger;
  /** The store's data directory (file printers write in its printers folder). */
  dataDir?: string;
}): DeviceHub {
  const running = new Map<string, Running>();
  let closed = false;

  const publish = (r: Running, next: DeviceState) => {
    const changed = !sameState(r.state, next);
    r.state = next;
    if (changed) deps.events.publish({ type: 'device', state: next });
  };

  const start = (record: DeviceRecord): Running => {
    const r: Running = {
      record,
      signature: JSON.stringify([record.protocol, record.connection, record.options]),
      state: {
        id: record.id,
        kind: record.kind,
        status: 'connecting',
        reading: null,
        faults: [],
        at: Date.now(),
        detail: '',
      },
    };
    if (record.kind === 'scale') {
      const driver = new ScaleDriver({
        protocol: record.protocol,
        serial: record.connection,
        ...(record.options.unit ? { unit: record.options.unit } : {}),
        ...(record.options.pollIntervalMs ? { pollIntervalMs: record.options.pollIntervalMs } : {}),
      });
      driver.on('state', (s) => publish(r, scaleState(record.id, s)));
      r.scale = driver;
      driver.start();
    } else {
      // 3 s for a status answer: a real printer answers in milliseconds, a busy PC can take seconds to read it.
      r.printer = new LabelPrinter({
        language: record.protocol,
        transport: record.connection,
        statusTimeoutMs: 3000,
        ...(deps.dataDir !== undefined ? { dataDir: deps.dataDir } : {}),
      });
      const poll = () => void refreshPrinter(r).catch((e: unknown) => deps.log.warn('printer status failed', e));
      poll();
      r.poll = setInterval(poll, PRINTER_POLL_MS);
      r.poll.unref();
    }
    return r;
  };

  const stop = async (r: Running) => {
    if (r.poll) clearInterval(r.poll);
    await r.scale?.stop();
    await r.printer?.close();
  };

  const refreshPrinter = async (r: Running): Promise<DeviceState> => {
    const status = await r.printer!.queryStatus();
    publish(r, printerState(r.record.id, status, r.printer!.lastError ?? ''));
    return r.state;
  };

  const get = (id: string): Running => {
    const r = running.get(id);
    if (!r) throw new DeviceError('devices.error.notFound');
    return r;
  };

  const hub: DeviceHub = {
    states: () => [...running.values()].map((r) => r.state),

    reload() {
      if (closed) return;
      const wanted = new Map(readDevices(deps.sqlite, { activeOnly: true }).map((d) => [d.id, d]));
      for (const [id, r] of running) {
        const d = wanted.get(id);
        if (!d || JSON.stringify([d.protocol, d.connection, d.options]) !== r.signature) {
          running.delete(id);
          void stop(r).catch((e: unknown) => deps.log.warn('device stop failed', e));
        } else {
          r.record = d;
        }
      }
      for (const [id, d] of wanted) {
        if (running.has(id)) continue;
        try {
          running.set(id, start(d));
        } catch (err) {
          deps.log.error('device start failed', { id, err });
        }
      }
    },

    async scaleCommand(id, command) {
      const r = get(id);
      if (!r.scale) throw new DeviceError('devices.error.notScale');
      try {
        await r.scale[command]();
      } catch (err) {
        throw new DeviceError('devices.error.command', err instanceof Error ? err.message : String(err));
      }
    },

    async printerStatus(id) {
      const r = get(id);
      if (!r.printer) throw new DeviceError('devices.error.notPrinter');
      return refreshPrinter(r);
    },

    printerFor(id) {
      if (id) {
        const r = get(id);
        if (!r.printer) throw new DeviceError('devices.error.notPrinter');
        return r.record;
      }
      const printers = [...running.values()].filter((r) => r.printer);
      const chosen = printers.find((r) => r.record.isDefault) ?? printers[0];
      if (!chosen) throw new DeviceError('devices.error.noPrinter');
      return chosen.record;
    },

    async print(printerId, template, data, copies = 1) {
      const r = get(printerId);
      if (!r.printer) throw new DeviceError('devices.error.notPrinter');
      try {
        const result = await r.printer.print({ template, data, copies });
        publish(r, printerState(printerId, result.status, ''));
        return result;
      } catch (err) {
        // Not ready (paper out, head open, no answer): the status bar shows it too.
        const status = (err as { status?: PrinterStatus }).status;
        if (status) publish(r, printerState(printerId, status, r.printer.lastError ?? ''));
        return fileRefused(err);
      }
    },

    async testLabel(id, day) {
      const r = get(id);
      if (!r.printer) throw new DeviceError('devices.error.notPrinter');
      const result = await r.printer.testLabel(day).catch(fileRefused);
      publish(r, printerState(id, result.status, ''));
      return result;
    },

    async close() {
      closed = true;
      const all = [...running.values()];
      running.clear();
      await Promise.allSettled(all.map(stop));
    },
  };
  return hub;
}
