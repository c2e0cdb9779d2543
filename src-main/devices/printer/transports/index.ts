import type { PrinterTransport } from '../../../../src-shared/devices';
import type { PrinterConnection } from './connection';
import { FileConnection } from './file';
import { SerialConnection } from './serial';
import { TcpConnection } from './tcp';

export type { PrinterConnection } from './connection';
export { PrinterConnectionError } from './connection';

export interface ConnectionOptions {
  connectTimeoutMs?: number | undefined;
  /** The store's data directory: file printers write only in its printers folder (or to device nodes). */
  dataDir?: string | undefined;
}

/** A (lazily opened) connection for a configured transport. */
export function openConnection(t: PrinterTransport, opts: ConnectionOptions = {}): PrinterConnection {
  switch (t.kind) {
    case 'serial':
      return new SerialConnection(t.serial);
    case 'tcp':
      return new TcpConnection({ host: t.host, port: t.port, connectTimeoutMs: opts.connectTimeoutMs });
    case 'file':
      return new FileConnection(t.path, opts.dataDir === undefined ? null : { dataDir: opts.dataDir });
  }
}
