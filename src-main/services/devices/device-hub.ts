import type { DeviceInput, DeviceState } from '../../../src-shared/api/methods/devices';
import type { LabelData, LabelTemplate } from '../../../src-shared/labels/template';
import type { PrintResult } from '../../devices/printer/printer';

/*
 * What services see of this PC's devices: the hub's interface, its errors and
 * a stand-in without devices. The running hub (hub.ts) implements it; the
 * call context depends on this file only, never on the hub itself.
 */

/** A device row with its JSON columns parsed and checked (the same schema the API accepts). */
export type DeviceRecord = DeviceInput & { id: string };

/** Thrown for device problems the clerk can act on; `key` picks the translated message. */
export class DeviceError extends Error {
  override name = 'DeviceError';
  constructor(
    readonly key:
      | 'devices.error.notFound'
      | 'devices.error.notScale'
      | 'devices.error.notPrinter'
      | 'devices.error.noPrinter'
      | 'devices.error.offline'
      | 'devices.error.command'
      | 'devices.error.unavailable'
      | 'devices.error.filePath',
    readonly detail = '',
  ) {
    super(detail || key);
  }
}

/**
 * The devices attached to this store PC, running: one driver per active scale
 * (state pushed to every window as `device` events), one printer connection
 * per active printer (jobs one at a time, status polled while idle). Lives in
 * the backend next to the database; services reach it through ctx.devices.
 */
export interface DeviceHub {
  states(): DeviceState[];
  /** Re-reads the devices table: starts new devices, restarts changed ones, stops removed ones. */
  reload(): void;
  scaleCommand(id: string, command: 'zero' | 'tare' | 'clearTare'): Promise<void>;
  printerStatus(id: string): Promise<DeviceState>;
  /** The printer to use: the given one, or the default active printer. */
  printerFor(id?: string | null): DeviceRecord;
  print(printerId: string, template: LabelTemplate, data: LabelData, copies?: number): Promise<PrintResult>;
  /** Prints the test page dated `day` (the store's day). */
  testLabel(id: string, day: string): Promise<PrintResult>;
  close(): Promise<void>;
}

/** For hosts and tests that run without devices: every device call says so. */
export const NO_DEVICES: DeviceHub = {
  states: () => [],
  reload: () => undefined,
  scaleCommand: () => Promise.reject(new DeviceError('devices.error.unavailable')),
  printerStatus: () => Promise.reject(new DeviceError('devices.error.unavailable')),
  printerFor: () => {
    throw new DeviceError('devices.error.noPrinter');
  },
  print: () => Promise.reject(new DeviceError('devices.error.unavailable')),
  testLabel: () => Promise.reject(new DeviceError('devices.error.unavailable')),
  close: () => Promise.resolve(),
};
