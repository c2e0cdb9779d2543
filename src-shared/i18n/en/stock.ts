/** English texts: the stock ledger, balances and movements. */
export const enStock = {
  'error.stock.qty': 'Enter a quantity above zero and at most {max} (in the base unit).',
  'error.stock.kind': 'Unknown movement type "{kind}".',
  'error.stock.item': 'Unknown or inactive item. Pick the item again.',
  'error.stock.area': 'Unknown or inactive storage area. Pick the area again.',
  'error.stock.value': 'A receipt needs its cost (zero or more).',
  'error.stock.future': 'The movement time is in the future. Check the date and the PC clock.',
  'error.stock.lot': '{item} is lot-tracked: enter the lot number.',
  'error.stock.negative':
    'Not enough {item} in stock: {available} available, {requested} requested. Count it, or receive it first.',
  'error.stock.alreadyReversed': 'This movement was already reversed.',
  'kind.receipt': 'Receipt',
  'kind.transfer_in': 'Transfer in',
  'kind.area_in': 'Area move in',
  'kind.issue': 'Issue / usage',
  'kind.sale': 'Sales depletion',
  'kind.maintenance': 'Maintenance issue',
  'kind.waste': 'Waste',
  'kind.transfer_out': 'Transfer out',
  'kind.area_out': 'Area move out',
  'kind.return_supplier': 'Return to supplier',
  'kind.count_adjust': 'Count adjustment',
} as const;
