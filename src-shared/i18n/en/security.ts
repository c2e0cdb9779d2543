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
} as const;
