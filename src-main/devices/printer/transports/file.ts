/** A file as printer (spooling, tests, printers shared as files): jobs are appended; it never answers. */
import { appendFile } from 'node:fs/promises';
import type { PrinterConnection } from './connection';

export class FileConnection implements PrinterConnection {
  readonly kind = 'file';
  constructor(readonly path: string) {}

  async write(bytes: Uint8Array): Promise<void> {
    await appendFile(this.path, bytes);
  }

  /** Nothing to ask: LabelPrinter treats a file as always ready and never sends it status queries. */
  async query(): Promise<Uint8Array | null> {
    return null;
  }

  async close(): Promise<void> {}
}
