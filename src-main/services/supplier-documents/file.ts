import type { SupplierDocument } from './document';
import { supplierDocumentPdf } from './pdf';
import { supplierDocumentXlsx } from './xlsx';

const MIME = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The document as the file the screen downloads, named by its number. */
export async function supplierDocumentFile(doc: SupplierDocument, format: 'xlsx' | 'pdf') {
  const bytes = format === 'pdf' ? await supplierDocumentPdf(doc) : await supplierDocumentXlsx(doc);
  return { fileName: `${doc.fileStem}.${format}`, mime: MIME[format], base64: bytes.toString('base64') };
}
