/**
 * Where a file-transport printer may write: a file in the printers folder of
 * the store's data directory, or a printer/serial device node. Anything else
 * (a shell start file, the store database, another user's terminal) is
 * refused, both when the device is saved and every time a job is written, so
 * a database edited by hand cannot get around it. Paths are resolved for real
 * (symlinks, `..`) before they are judged.
 */
import { constants, lstatSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { posix, win32 } from 'node:path';

/** The folder, under the data directory, that file printers write into. */
export const PRINTER_FILES_DIR = 'printers';

export type FilePathProblem =
  /** Not in the printers folder and not a device path. */
  | 'outside'
  /** In the folder, but a directory, a FIFO or another non-file. */
  | 'notFile'
  /** A device path that is not there (unplugged) or not a character device. */
  | 'noDevice'
  /** The folder part of the path does not exist. */
  | 'noFolder';

export class PrinterFilePathError extends Error {
  override name = 'PrinterFilePathError';
  constructor(
    readonly problem: FilePathProblem,
    readonly path: string,
    /** The printers folder, for the message that says where files may go. */
    readonly folder: string,
  ) {
    super(`printer file path ${JSON.stringify(path)} refused (${problem}); files go in ${folder}`);
  }
}

export interface FilePathPolicy {
  dataDir: string;
  platform?: NodeJS.Platform;
}

export interface CheckedFilePath {
  kind: 'file' | 'device';
  /** The path to open: resolved (real) for files and POSIX devices. */
  path: string;
}

/** Printer and serial device nodes on Linux and macOS (judged on the resolved path). */
const POSIX_DEVICES = [
  /^\/dev\/usb\/lp\d+$/,
  /^\/dev\/lp\d+$/,
  /^\/dev\/tty(S|USB|ACM|AMA)\d+$/,
  /^\/dev\/rfcomm\d+$/,
  /^\/dev\/(cu|tty)\.[A-Za-z0-9._-]+$/,
];
/** Not resolved yet at save time (the adapter may be unplugged): its link must still name a device. */
const POSIX_DEVICE_LINKS = [/^\/dev\/serial\/by-(id|path)\/[^/]+$/];

/** COM and LPT ports, plain or in the `\\.\` device namespace; USB printer ports (USB001). */
const WIN_DEVICE = /^(\\\\\.\\)?(COM\d{1,3}|LPT\d|USB\d{3})$/i;
/** Names Windows maps to devices in every folder: `printers\CON` is the console, not a file. */
const WIN_RESERVED = /^(CON|PRN|AUX|NUL|COM\d|LPT\d)(\..*)?$/i;

export function printerFilesDir(policy: FilePathPolicy): string {
  const path = policy.platform === 'win32' ? win32 : posix;
  return path.join(policy.dataDir, PRINTER_FILES_DIR);
}

const isInside = (child: string, parent: string, sep: string) =>
  child.startsWith(parent.endsWith(sep) ? parent : parent + sep);

/**
 * Judges `input` (as typed in the device form or found in the database).
 * `save`: a device path may be absent (plugged in later); `open`: it must be
 * there and be a character device. Relative names are files in the printers
 * folder, which is created when missing. Throws PrinterFilePathError.
 */
export function checkPrinterFilePath(input: string, policy: FilePathPolicy, mode: 'save' | 'open'): CheckedFilePath {
  const win = (policy.platform ?? process.platform) === 'win32';
  const p = win ? win32 : posix;
  const folder = p.join(policy.dataDir, PRINTER_FILES_DIR);
  const refuse = (problem: FilePathProblem): never => {
    throw new PrinterFilePathError(problem, input, folder);
  };
  if (input.includes('\0')) refuse('outside');

  if (win && WIN_DEVICE.test(input)) {
    return { kind: 'device', path: input.startsWith('\\\\.\\') ? input : `\\\\.\\${input}` };
  }
  if (!win && input.startsWith('/dev/')) {
    let real: string | null = null;
    try {
      real = realpathSync(input);
    } catch {
      // Not there (unplugged) or a dangling link: allowed at save time only, by its name.
    }
    if (real === null) {
      const named = posix.normalize(input);
      if (mode === 'save' && [...POSIX_DEVICES, ...POSIX_DEVICE_LINKS].some((re) => re.test(named))) {
        return { kind: 'device', path: named };
      }
      return refuse(POSIX_DEVICES.some((re) => re.test(named)) ? 'noDevice' : 'outside');
    }
    if (!POSIX_DEVICES.some((re) => re.test(real))) return refuse('outside');
    if (!statSync(real).isCharacterDevice()) return refuse('noDevice');
    return { kind: 'device', path: real };
  }

  // A file: in the printers folder, after every link and `..` is resolved.
  if (win && (input.startsWith('\\\\') || input.startsWith('//'))) refuse('outside'); // UNC shares and \\?\ paths
  mkdirSync(folder, { recursive: true });
  const realFolder = realpathSync.native(folder);
  const target = p.resolve(folder, input);
  let final: string;
  let exists = true;
  try {
    lstatSync(target);
  } catch {
    exists = false;
  }
  if (exists) {
    try {
      final = realpathSync.native(target);
    } catch {
      return refuse('outside'); // a link to nowhere: appending would create its target, wherever it points
    }
  } else {
    let parent: string;
    try {
      parent = realpathSync.native(p.dirname(target));
    } catch {
      return refuse(isInside(target, folder, p.sep) ? 'noFolder' : 'outside');
    }
    final = p.join(parent, p.basename(target));
  }
  const cmp = (s: string) => (win ? s.toLowerCase() : s);
  if (!isInside(cmp(final), cmp(realFolder), p.sep)) return refuse('outside');
  const base = p.basename(final);
  if (win && (WIN_RESERVED.test(base) || base.includes(':'))) refuse('outside'); // devices and alternate streams
  if (exists && !statSync(final).isFile()) refuse('notFile');
  return { kind: 'file', path: final };
}

/** open(2) flags for appending to a checked file: never through a link swapped in after the check. */
export function fileOpenFlags(kind: 'file' | 'device'): number {
  const noFollow = constants.O_NOFOLLOW ?? 0;
  return kind === 'file'
    ? constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | noFollow
    : constants.O_WRONLY | (constants.O_NOCTTY ?? 0);
}
