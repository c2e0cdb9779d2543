/** Pushed from the backend to every connected window (SSE over HTTP, IPC in Electron). */
export type ServerEvent =
  { type: 'invalidate'; methods: string[] } | { type: 'server-error'; ref: string } | { type: 'hello'; at: string };

export const EVENT_CHANNEL = 'backoffice:event';
export const CALL_CHANNEL = 'backoffice:call';
