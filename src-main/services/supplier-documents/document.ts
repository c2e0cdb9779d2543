/**
 * A document for a supplier (a purchase order, a claim), ready to draw: the
 * texts in the caller's language, the figures already formatted (exact, from
 * the integers), plus the raw numbers where a spreadsheet wants to sum them.
 * Each domain builds its own (po-document.ts, claim-document.ts); this folder
 * draws any of them as a PDF or a workbook, so both look alike.
 */
export interface SupplierDocument {
  title: string;
  /** The file name without its extension: the document's number. */
  fileStem: string;
  /** Label/value pairs under the title: supplier, store, dates. */
  fields: [string, string][];
  columns: DocumentColumn[];
  rows: DocumentRow[];
  /** Where a row's notes go: under the text of `column` on paper, in a column of their own headed `header` in a sheet. */
  notes?: { column: number; header: string };
  totalLabel: string;
  total: string;
  totalNumber: number;
  /** The Excel number format of money cells: the store currency's symbol and decimals. */
  moneyFormat: string;
  /** Free text under the table, one paragraph a line. */
  note: string;
  /** Who signs: one line each at the foot. */
  signatures: string[];
}

export interface DocumentColumn {
  header: string;
  align: 'left' | 'right';
  /** Relative width on paper; about the characters it needs in a sheet. */
  width: number;
  /** How a sheet shows its numbers: in the store's money format, or as a quantity (up to three decimals). */
  format?: 'money' | 'qty';
}

export interface DocumentRow {
  cells: string[];
  /** The cells as numbers where a sheet should hold a number (null: keep the text). */
  numbers: (number | null)[];
  /** Lines about the row (a claim line's reasons). */
  notes?: string[];
}
