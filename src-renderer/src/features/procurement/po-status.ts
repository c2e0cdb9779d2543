import type { PoStatus } from '../../../../src-shared/api/methods/procurement';

export const PO_STATUS_COLOR: Record<PoStatus, string> = {
  draft: 'default',
  approved: 'blue',
  partial: 'orange',
  received: 'green',
  closed: 'purple',
  cancelled: 'red',
};

/** The "open" filter: orders still to be approved or delivered. */
export const OPEN_STATUSES: PoStatus[] = ['draft', 'approved', 'partial'];
