import type { ClaimStatus, InvoiceStatus, MatchLineDto } from '../../../../src-shared/api/methods/invoices';

export const INVOICE_STATUS_COLOR: Record<InvoiceStatus, string> = {
  draft: 'default',
  matched: 'blue',
  disputed: 'orange',
  approved: 'green',
};

export const CLAIM_STATUS_COLOR: Record<ClaimStatus, string> = { open: 'orange', sent: 'blue', settled: 'green' };

/** Green, amber, red: the colours people read a match by at a glance. */
export const LINE_STATUS_COLOR: Record<MatchLineDto['status'], string> = {
  matched: 'success',
  warning: 'warning',
  discrepancy: 'error',
};

/** The "open" filter: invoices not yet approved for payment. */
export const OPEN_INVOICES: InvoiceStatus[] = ['draft', 'matched', 'disputed'];

/** Who enters invoices, and who matches, claims and approves (the API enforces the same). */
export const CLERKS = ['clerk', 'manager', 'admin'] as const;
export const MANAGERS = ['manager', 'admin'] as const;

/** The common VAT rates, in basis points, for the rate picker. */
export const TAX_RATES = [1300, 900, 600, 300, 100, 0];
