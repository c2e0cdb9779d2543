import type { invoiceMethods } from '../../../src-shared/api/methods/invoices';
import { createClaim, setClaimStatus } from '../../services/invoices/claim';
import { exportClaim } from '../../services/invoices/claim-export';
import { getClaim, listClaims } from '../../services/invoices/claim-read';
import { importInvoice, readInvoiceImport } from '../../services/invoices/import';
import { prefillInvoice } from '../../services/invoices/prefill';
import { getInvoice, listInvoices } from '../../services/invoices/read';
import { approveInvoice, runMatch } from '../../services/invoices/status';
import { createInvoice, removeInvoice, updateInvoice } from '../../services/invoices/write';
import { prepared, type HandlersFor } from '../handler-types';

export const invoiceHandlers: HandlersFor<typeof invoiceMethods> = {
  'invoices.list': { run: listInvoices },
  'invoices.get': { run: getInvoice },
  'invoices.prefill': { run: prefillInvoice },
  'invoices.create': { run: createInvoice },
  'invoices.update': { run: updateInvoice },
  'invoices.remove': { run: removeInvoice },
  // The file is read (asynchronous for XLSX) before the transaction that checks and writes the invoice.
  'invoices.import': prepared({ prepare: readInvoiceImport, run: importInvoice }),
  'invoices.match': { run: runMatch },
  'invoices.createClaim': { run: createClaim },
  'invoices.approve': { run: approveInvoice },
  'claims.list': { run: listClaims },
  'claims.get': { run: getClaim },
  'claims.setStatus': { run: setClaimStatus },
  // A query (no transaction): building the XLSX or PDF is asynchronous.
  'claims.export': { run: exportClaim },
};
