/** English texts: the HTTP host, sign-in throttling and request validation. */
export const enSecurity = {
  'security.host.refused':
    "This address is not a name of the store PC, so the back office does not answer it. Open it with the PC's own address or name, or start it with --allowed-host NAME.",
  'security.http.badUrl': 'The address of this request is not valid (a stray % sign?). Check the link and try again.',
  'security.http.crossSite': "Refused: calls must come as JSON from the back office's own pages.",
  'security.http.bodyTooLarge': 'The request is larger than 8 MB. Send a smaller file or fewer rows at a time.',
  'security.http.notJson': 'The request is not valid JSON.',
  'security.http.tooDeep': 'The request is nested too deeply (more than {max} levels).',
  'security.http.usePost': 'Use POST to call the back office.',
  'security.http.methodNotAllowed': 'Only GET and HEAD are answered here.',
  'security.http.internal':
    'The back office could not answer this request. Try again; if it happens again, tell your administrator.',
  'security.events.signIn': 'Sign in first to receive live updates.',
  'security.events.tooMany':
    'Too many windows of the back office are open for this sign-in. Close some of them, then reload this one.',
  'error.RATE_LIMITED': 'Too many requests in a short time. Wait a moment, then try again.',
  'security.wait.seconds': '{n} s',
  'security.wait.minutes': '{n} min',
  'security.signIn.lockedHere':
    'Too many failed sign-ins for this user on this device: it is locked until {until} here. Sign in on another device, or ask an administrator to unlock the account.',
  'security.signIn.sourceWait': 'Too many failed sign-ins from this device. Try again in {wait}.',
  'security.secret.wrongCurrent': 'The current PIN/password is wrong. {left} more wrong and you will be signed out.',
  'security.secret.signedOut':
    'The current PIN/password was wrong too many times, so you have been signed out. Sign in again.',
  'security.clientError.tooMany': 'Too many error reports from this device in a short time; this one was not logged.',
  'security.invoice.removeMatched':
    'Invoice {number} is matched and cannot be deleted. Correct it and save (it becomes a draft again), then delete it.',
  'security.labour.ownTime': 'A technician logs only their own time. Ask a manager to log time for someone else.',
  'security.labour.ownLine': 'A technician cancels only their own labour lines. Ask a manager to cancel this one.',
  'security.v.day': 'Not a day of the calendar: use YYYY-MM-DD, years 2000 to 2100 (e.g. 2026-11-27).',
  'security.v.instant': 'Not a date and time with its zone (e.g. 2026-11-27T09:30:00+08:00), years 2000 to 2100.',
  'security.v.prefDepth': 'This setting is nested too deeply (more than {max} levels).',
  'security.v.prefSize': 'This setting is too large (more than 64 KB). Reset the columns and try again.',
} as const;
