/** English texts of HQ's server: its web API's errors and validation (the HQ screens add theirs). */
export const enHq = {
  'hq.role.admin': 'HQ administrator',
  'hq.role.operations': 'Operations',
  'hq.role.maintenance': 'Maintenance',
  'hq.role.viewer': 'Viewer',
  'hq.error.forbidden': 'Your HQ role ({role}) may not do this. Ask an HQ administrator.',
  'hq.error.setupDone': 'HQ already has an administrator. Sign in instead.',
  'hq.error.setupRemote':
    'The first HQ administrator can only be created on the HQ machine itself, or with: npm run hq -- --create-admin NAME',
  'hq.error.storeCodeTaken': 'A store with the code {code} already exists. Choose another code.',
  'hq.error.storeNotFound': 'This store does not exist at HQ. Refresh the list.',
  'hq.error.notFound': 'It no longer exists at HQ. Refresh the list and try again.',
  'hq.error.codeTaken': 'The code {code} is already used. Choose another code.',
  'hq.error.unknownRef':
    'It refers to something HQ does not have (a supplier or an item that was removed?). Refresh and try again.',
  'hq.error.value': 'The value of {column} is not valid: {detail}.',
  'hq.error.workOrderNotFound':
    'This work order has not reached HQ from its store yet. Try again after the store has synced.',
  'hq.validation.storeCode': 'Use letters, digits, dots, dashes and underscores only.',
  'hq.validation.month': 'Write the month as YYYY-MM, e.g. 2026-11.',
  'hq.validation.noFields': 'Change at least one field.',
} as const;
