/**
 * Hard bounds on what reading one uploaded spreadsheet may cost. A file that
 * exceeds any of them is refused as a whole, before it can fill the heap or
 * hold a core: the sizes and counts are checked while reading, not after.
 */
export interface SheetLimits {
  /** Bytes of the uploaded file itself. */
  maxFileBytes: number;
  /** Highest row number that may hold data (rows are kept by position). */
  maxRows: number;
  /** Highest column that may hold data (256 = IV; a cell in XFD is refused, whatever the sheet's dimension says). */
  maxColumns: number;
  /** Cells once every row is laid out up to its last cell (empty gaps count: they cost memory too). */
  maxCells: number;
  /** Entries in the workbook's shared-strings table. */
  maxSharedStrings: number;
  /** Files in the zip (an XLSX has about ten). */
  maxZipEntries: number;
  /** Bytes of all the zip entries read, once inflated. */
  maxUncompressedBytes: number;
  /** Wall-clock time of one read; the worker is terminated after it. */
  timeoutMs: number;
  /** V8 old-generation heap of the worker. */
  maxHeapMb: number;
}

export const DEFAULT_SHEET_LIMITS: SheetLimits = {
  maxFileBytes: 5 * 1024 * 1024,
  maxRows: 60_000,
  maxColumns: 256,
  maxCells: 1_500_000,
  maxSharedStrings: 1_000_000,
  maxZipEntries: 500,
  maxUncompressedBytes: 64 * 1024 * 1024,
  timeoutMs: 20_000,
  maxHeapMb: 384,
};

export type RefusalReason =
  | 'tooBig'
  | 'tooManyRows'
  | 'tooManyColumns'
  | 'tooManyCells'
  | 'tooManySharedStrings'
  | 'tooManyEntries'
  | 'uncompressedTooBig'
  | 'timeout'
  | 'outOfMemory'
  | 'busy'
  | 'oldFormat'
  | 'unreadable';

/** Why a file was not read, with the numbers the user needs to fix it. Crosses the worker boundary as data. */
export class SheetRefusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${reason} ${JSON.stringify(params)}`);
    this.name = 'SheetRefusal';
  }
}

/** `A` = 1 ... `XFD` = 16384. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

export function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
