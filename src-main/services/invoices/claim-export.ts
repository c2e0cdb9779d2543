import type { Ctx } from '../context';
import { supplierDocumentFile } from '../supplier-documents/file';
import { claimDocument } from './claim-document';
import { getClaim } from './claim-read';

/** The claim as a file for the supplier, in the caller's language. */
export function exportClaim(ctx: Ctx, i: { id: string; format: 'xlsx' | 'pdf' }) {
  return supplierDocumentFile(claimDocument(ctx, getClaim(ctx, { id: i.id })), i.format);
}
