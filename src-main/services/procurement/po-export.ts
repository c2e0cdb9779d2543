import type { Ctx } from '../context';
import { supplierDocumentFile } from '../supplier-documents/file';
import { poDocument } from './po-document';
import { getPo } from './po-read';

/** The order as a file for the supplier, in the caller's language. */
export function exportPo(ctx: Ctx, i: { id: string; format: 'xlsx' | 'pdf' }) {
  return supplierDocumentFile(poDocument(ctx, getPo(ctx, { id: i.id })), i.format);
}
