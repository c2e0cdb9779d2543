/**
 * A file as printer (spooling, tests, training) or a printer device node
 * (/dev/usb/lp0, a serial port, COM3): jobs are appended; it never answers.
 * The path is checked again before every job (see file-path.ts), so a device
 * row edited by hand cannot point it anywhere else.
 */
import { open } from 'node:fs/promises';
import type { PrinterConnection } from './connection';
import { checkPrinterFilePath, fileOpenFlags, PrinterFilePathError, type FilePathPolicy } from './file-path';

export class FileConnection implements PrinterConnection {
  readonly kind = 'file';
  constructor(
    readonly path: string,
    /** Null: no data directory to write in, so every path is refused. */
    private readonly policy: FilePathPolicy | null,
  ) {}

  async write(bytes: Uint8Array): Promise<void> {
    if (!this.policy) throw new PrinterFilePathError('outside', this.path, '');
    const target = checkPrinterFilePath(this.path, this.policy, 'open');
    const handle = await open(target.path, fileOpenFlags(target.kind), 0o640);
    try {
      // What was opened is what was checked: a file stays a regular file, a device a character device.
      const st = await handle.stat();
      if (target.kind === 'file' ? !st.isFile() : !st.isCharacterDevice()) {
        throw new PrinterFilePathError(target.kind === 'file' ? 'notFile' : 'noDevice', this.path, '');
      }
      let done = 0;
      while (done < bytes.length) done += (await handle.write(bytes, done)).bytesWritten;
    } finally {
      await handle.close();
    }
  }

  /** Nothing to ask: LabelPrinter treats a file as always ready and never sends it status queries. */
  async query(): Promise<Uint8Array | null> {
    return null;
  }

  async close(): Promise<void> {}
}
