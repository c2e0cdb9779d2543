import type { PrinterTransport } from '../../../../src-shared/devices';
import type { PrinterConnection } from './connection';
import { FileConnection } from './file';
import { SerialConnection } from './serial';
import { TcpConnection } from './tcp';

export type { PrinterConnection } from './connection';
export { PrinterConnectionError } from './connection';

/** A (lazily opened) connection for a configured transport. */
export function openConnection(t: PrinterTransport, opts: { connectTimeoutMs?: number } = {}): PrinterConnection {
  switch (t.kind) {
    case 'serial':
      return new SerialConnection(t.serial);
    case 'tcp':
      return new TcpConnection({ host: t.host, port: t.port, connectTimeoutMs: opts.connectTimeoutMs });
    case 'file':
      return new FileConnection(t.path);
  }
}
