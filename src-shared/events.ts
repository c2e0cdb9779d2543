import type { DeviceState } from './api/methods/devices';

/** Pushed from the backend to every connected window (SSE over HTTP, IPC in Electron). */
export type ServerEvent =
  | { type: 'invalidate'; methods: string[] }
  | { type: 'server-error'; ref: string }
  | { type: 'hello'; at: string }
  /** A scale reading or a printer status changed (only changes are sent). */
  | { type: 'device'; state: DeviceState }
  /** Every session ended: the store database was replaced by a backup (System › Restore). */
  | { type: 'signed-out'; reason: 'restored' };

export const EVENT_CHANNEL = 'backoffice:event';
export const CALL_CHANNEL = 'backoffice:call';
