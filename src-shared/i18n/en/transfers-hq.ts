/** English texts of transfers between stores through HQ: the receiving store's list and HQ's transfers page. */
export const enTransfersHq = {
  'error.transfersHq.alreadyReceived':
    'Transfer {number} from {from} was already received at this store: nothing was posted again. Its receipt is in the transfers list.',
  'transfersHq.arrivingFrom': 'Arriving from {store}',
  'hq.nav.transfers': 'Transfers',
  'hq.transfers.title': 'Transfers between stores',
  'hq.transfers.hint':
    'Transfers the stores sent each other. In transit: sent, not yet received. The variance is what the receiving store posted for short or damaged lines.',
  'hq.transfers.filter.all': 'All',
  'hq.transfers.filter.in_transit': 'In transit',
  'hq.transfers.filter.received': 'Received',
  'hq.transfers.filter.unrouted': 'Not routed',
  'hq.transfers.status.in_transit': 'In transit',
  'hq.transfers.status.received': 'Received',
  'hq.transfers.status.unrouted': 'Not routed',
  'hq.transfers.totalInTransit': 'In transit ({count})',
  'hq.transfers.totalReceived': 'Received ({count}): value received',
  'hq.transfers.totalVariance': 'Variance on receipt',
  'hq.transfers.col.number': 'Number',
  'hq.transfers.col.from': 'From',
  'hq.transfers.col.to': 'To',
  'hq.transfers.col.sentAt': 'Sent',
  'hq.transfers.col.status': 'Status',
  'hq.transfers.col.lines': 'Lines',
  'hq.transfers.col.valueSent': 'Value sent',
  'hq.transfers.col.valueReceived': 'Value received',
  'hq.transfers.col.variance': 'Variance',
  'hq.transfers.col.receivedAt': 'Received',
  'hq.transfers.col.problem': 'Problem',
  'hq.transfers.problem.unknownStore':
    'No store of the chain has the code {to}, so HQ could not send it on: the goods stay in transit from {from}. Once a store with this code joins HQ, it receives the transfer at its first sync.',
  'hq.transfers.problem.notEnrolled':
    'The store {to} has not joined HQ (or was revoked), so HQ could not send it on: the goods stay in transit from {from}. Once it joins, it receives the transfer at its first sync.',
  'sync.table.inbound_transfers': 'Transfers from other stores',
  'error.transfersHq.cancelRouted':
    'Transfer {number} has gone to HQ, which sends it on to {to}: it can no longer be cancelled here. {to} confirms what arrived (0 for what did not); anything coming back travels as a new transfer.',
} as const;
