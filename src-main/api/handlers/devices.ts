import type { deviceMethods } from '../../../src-shared/api/methods/devices';
import type { PrinterFault } from '../../../src-shared/devices';
import { translate, type MessageKey } from '../../../src-shared/i18n';
import { PrinterNotReadyError } from '../../devices/printer/printer';
import { listSerialPorts } from '../../devices/serial/list';
import { AppError } from '../../services/app-error';
import type { Ctx } from '../../services/context';
import { DeviceError } from '../../services/devices/hub';
import {
  getLabelPrint,
  labelHistory,
  listTemplates,
  previewLabel,
  queueEquipmentLabel,
  queueLabel,
  runLabelJob,
  saveTemplate,
} from '../../services/devices/labels';
import { listDevices, removeDevice, saveDevice } from '../../services/devices/registry';
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

export const deviceHandlers: HandlersFor<typeof deviceMethods> = {
  'devices.list': { run: listDevices },
  'devices.states': { run: (ctx) => ctx.devices.states() },
  'devices.ports': {
    run: async () =>
      (await listSerialPorts()).map((p) => ({
        path: p.path,
        manufacturer: p.manufacturer ?? '',
        label: [p.path, p.manufacturer].filter(Boolean).join(' · '),
      })),
  },
  'devices.save': {
    run: (ctx, input) => {
      const saved = saveDevice(ctx, input);
      // Reloading after the commit: dispatch commits when run() returns, so defer to the next tick.
      setImmediate(() => ctx.devices.reload());
      return saved;
    },
  },
  'devices.remove': {
    run: (ctx, input) => {
      const out = removeDevice(ctx, input);
      setImmediate(() => ctx.devices.reload());
      return out;
    },
  },
  'devices.scaleCommand': {
    tx: 'manual',
    run: async (ctx, input) => {
      await device(ctx, () => ctx.devices.scaleCommand(input.id, input.command));
      return { ok: true as const };
    },
  },
  'devices.printerStatus': {
    tx: 'manual',
    run: (ctx, input) => device(ctx, () => ctx.devices.printerStatus(input.id)),
  },
  'devices.testLabel': {
    tx: 'manual',
    run: async (ctx, input) => {
      const r = await device(ctx, () => ctx.devices.testLabel(input.id));
      return { bytes: r.bytesWritten, faults: r.status.faults };
    },
  },
  'labels.templates': { run: listTemplates },
  'labels.saveTemplate': { run: saveTemplate },
  'labels.preview': { run: previewLabel },
  'labels.history': { run: labelHistory },
  'labels.printEquipment': {
    // Printed after the commit, like receiving labels: a printer fault leaves the job listed to print again.
    tx: 'manual',
    run: async (ctx, input) => {
      const id = ctx.sqlite.transaction(() => queueEquipmentLabel(ctx, input)).immediate();
      return runLabelJob(ctx.sqlite, ctx.devices, id, ctx.log, input.printerId);
    },
  },
  'labels.reprint': {
    tx: 'manual',
    run: async (ctx, input) => {
      const original = getLabelPrint(ctx.sqlite, input.id);
      // A new history row: the original keeps what happened to it, the copy records who printed again.
      const id = ctx.sqlite
        .transaction(() =>
          queueLabel(ctx, {
            templateId: original.templateId,
            printerId: input.printerId ?? original.printerId,
            data: original.data,
            copies: original.copies,
            sourceType: original.sourceType,
            sourceId: original.sourceId,
          }),
        )
        .immediate();
      return runLabelJob(ctx.sqlite, ctx.devices, id, ctx.log, input.printerId ?? original.printerId);
    },
  },
};
