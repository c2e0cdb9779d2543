/** English texts: the ledger's rules (dating, closed months, magnitudes) and transfer variances. */
export const enPeriods = {
  'error.stock.valueRange':
    'The value of this {item} movement is beyond what a store books on one line (at most {max}). Check the price and the quantity.',
  'error.stock.unitCost': 'At that value {item} would cost more than {max} per {unit}. Check the price and its unit.',
  'error.stock.stockValue': 'The stock of {item} would be worth more than {max}. Check the price and the quantity.',
  'error.stock.closedPeriod':
    '{month} is closed: {item} cannot be dated {day}. Record it with today’s date, or ask an admin to reopen {month}.',
  'error.stock.todayOnly':
    'You can record movements for today only ({today}): {item} is dated {day}. Ask a manager to record earlier ones.',
  'error.stock.backdated':
    'Movements can be dated at most {days} days back (from {earliest}): {item} is dated {day}. Ask an admin, or change the limit in the store settings.',
  'error.stock.negativeThen':
    'Not enough {item} on {day}: this movement would leave {qty} in stock then, because later movements already used it. Date it later, or record the missing receipt first.',
  'kind.transfer_variance': 'Transfer variance',
  'error.ops.varianceReason':
    'What arrived differs from what was sent ({sent}): say why in the note (short in transit, damaged, ...).',
  'ops.transfers.lineNote': 'Note (why, if it differs)',
  'reports.waste.transferVariance': 'Transfer variance (in transit)',

  'periods.nav': 'Month closing',
  'periods.title': 'Month-end closing',
  'periods.hint':
    'A closed month is locked: no movement can be dated in it or before it, by anyone. Corrections of a closed month are recorded in the open month (a reversal or a count).',
  'periods.v.month': 'A month like 2026-03.',
  'periods.col.month': 'Month',
  'periods.col.state': 'State',
  'periods.col.moves': 'Movements',
  'periods.col.closedAt': 'Closed at',
  'periods.col.closedBy': 'Closed by',
  'periods.col.reopened': 'Last reopened',
  'periods.state.open': 'Open',
  'periods.state.closed': 'Closed',
  'periods.state.current': 'This month',
  'periods.close': 'Close through this month',
  'periods.closeConfirm':
    'Close {month}? Every open month before it is closed too, and no movement can be dated in them afterwards.',
  'periods.closedDone': 'Closed through {month}.',
  'periods.reopen': 'Reopen',
  'periods.reopenTitle': 'Reopen {month}',
  'periods.reopenHint': 'Movements can be dated in {month} again. The reopening and its reason go to the audit log.',
  'periods.reopenReason': 'Reason',
  'periods.reopenedDone': '{month} reopened.',
  'periods.reopenedInfo': '{who}, {at}: {reason}',
  'error.periods.notPast': 'Only a month that has ended can be closed ({month} is not before {current}).',
  'error.periods.alreadyClosed': '{month} is already closed (closed through {latest}).',
  'error.periods.openCount':
    'Stocktake {number} is still open and has lines counted in {month} or earlier: post or cancel it before closing {month}.',
  'error.periods.inconsistent':
    'The totals of {month} do not add up to its movements, so it cannot be closed. Make a backup and contact support.',
  'error.periods.reopenLatest':
    'Only the latest closed month ({latest}) can be reopened. Reopen the later months first.',
  'error.periods.notClosed': '{month} is not closed.',

  'settings.backdate': 'Dating stock movements',
  'settings.backdate.hint':
    'How many days back each role may date a movement (0 = today only, in the store’s time zone). Closed months are locked for everyone.',
} as const;
