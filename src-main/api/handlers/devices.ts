import type { deviceMethods } from '../../../src-shared/api/methods/devices';
import type { PrinterFault } from '../../../src-shared/devices';
import { translate, type MessageKey } from '../../../src-shared/i18n';
import { PrinterNotReadyError } from '../../devices/printer/printer';
import { listSerialPorts, PortListError } from '../../devices/serial/list';
import { AppError } from '../../services/app-error';
import type { Ctx } from '../../services/context';
import { DeviceError } from '../../services/devices/device-hub';
import {
  labelHistory,
  listTemplates,
  previewLabel,
  printAfterCommit,
  queueEquipmentLabel,
  queueReprint,
  saveTemplate,
} from '../../services/devices/labels';
import { listDevices, removeDevice, saveDevice } from '../../services/devices/registry';
import { storeDay } from '../../services/store/store-day';
import type { HandlersFor } from '../handler-types';

export function faultsText(ctx: Ctx, faults: readonly PrinterFault[]): string {
  return faults
    .map((f) => translate(ctx.locale, `devices.fault.${f}` as MessageKey))
    .join(ctx.locale === 'zh-CN' ? '、' : ', ');
}

/** Device problems become messages that say what to do (load paper, close the head, check the cable). */
async function device<T>(ctx: Ctx, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof PrinterNotReadyError) {
      throw new AppError('DEVICE_OFFLINE', 'devices.error.notReady', { faults: faultsText(ctx, err.status.faults) });
    }
    if (err instanceof DeviceError) throw new AppError('DEVICE_OFFLINE', err.key, { detail: err.detail });
    throw err;
  }
}

/**
 * A running device of this kind, checked before anything is recorded: a call
 * naming none is refused without a trace. What the device then does happens
 * after the commit.
 */
function runningDevice(ctx: Ctx, id: string, kind: 'scale' | 'printer'): void {
  const state = ctx.devices.states().find((s) => s.id === id);
  if (!state) throw new AppError('DEVICE_OFFLINE', 'devices.error.notFound');
  if (state.kind !== kind) {
    throw new AppError('DEVICE_OFFLINE', kind === 'scale' ? 'devices.error.notScale' : 'devices.error.notPrinter');
  }
}

export const deviceHandlers: HandlersFor<typeof deviceMethods> = {
  'devices.list': { run: listDevices },
  'devices.states': { run: (ctx) => ctx.devices.states() },
  'devices.ports': {
    run: async () => {
      const ports = await listSerialPorts().catch((err: unknown) => {
        if (err instanceof PortListError) {
          throw new AppError('DEVICE_OFFLINE', 'devices.error.portList', { detail: err.message });
        }
        throw err;
      });
      return ports.map((p) => ({
        path: p.path,
        manufacturer: p.manufacturer ?? '',
        label: [p.path, p.manufacturer].filter(Boolean).join(' · '),
      }));
    },
  },
  'devices.save': {
    run: (ctx, input) => {
      const saved = saveDevice(ctx, input);
      ctx.afterCommit(() => ctx.devices.reload());
      return saved;
    },
  },
  'devices.remove': {
    run: (ctx, input) => {
      const out = removeDevice(ctx, input);
      ctx.afterCommit(() => ctx.devices.reload());
      return out;
    },
  },
  'devices.scaleCommand': {
    run: (ctx, input) => {
      runningDevice(ctx, input.id, 'scale');
      ctx.afterCommit(() => device(ctx, () => ctx.devices.scaleCommand(input.id, input.command)));
      return { ok: true as const };
    },
  },
  'devices.printerStatus': { run: (ctx, input) => device(ctx, () => ctx.devices.printerStatus(input.id)) },
  'devices.testLabel': {
    run: (ctx, input) => {
      runningDevice(ctx, input.id, 'printer');
      const reply = { bytes: 0, faults: [] as PrinterFault[] };
      ctx.afterCommit(async () => {
        const r = await device(ctx, () => ctx.devices.testLabel(input.id, storeDay(ctx)));
        Object.assign(reply, { bytes: r.bytesWritten, faults: r.status.faults });
      });
      return reply;
    },
  },
  'labels.templates': { run: listTemplates },
  'labels.saveTemplate': { run: saveTemplate },
  'labels.preview': { run: previewLabel },
  'labels.history': { run: labelHistory },
  // Job row and audit entry commit together; the printing runs after the commit (a printer fault never
  // undoes the job: it is listed as failed, to print again).
  'labels.printEquipment': {
    run: (ctx, input) => printAfterCommit(ctx, queueEquipmentLabel(ctx, input)),
  },
  'labels.reprint': { run: (ctx, input) => printAfterCommit(ctx, queueReprint(ctx, input)) },
};
