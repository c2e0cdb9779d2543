/** English texts of the store's side of replication with HQ: enrollment, the sync screen, the status bar. */
export const enSync = {
  'error.HQ_UNREACHABLE': 'HQ could not be reached ({detail}). Check the address and the network, then try again.',
  'error.sync.hqUrl': 'Enter HQ’s address as https://… (plain http:// only for HQ on this PC).',
  'error.sync.notSetUp': 'Set up this store first: HQ needs its code and name.',
  'error.sync.notEnrolled': 'This store is not enrolled with HQ yet.',
  'error.sync.refused': 'HQ refused: {reason}',
  'error.sync.hqOwned':
    '{fields} of this {what} are managed by HQ ({hq}) since this store was enrolled: ask HQ to change them. The store’s own settings stay editable here.',
  'sync.v.hqUrl': 'Enter HQ’s address.',
  'sync.v.code': 'Enter the one-time code HQ gave you.',
  'sync.refusal.INVALID_CODE': 'This code is wrong, used or expired: ask HQ for a new one.',
  'sync.refusal.REVOKED': 'HQ has revoked this store: ask HQ for a new enrollment code.',
  'sync.refusal.WRONG_STORE': 'HQ says this data belongs to another store: ask HQ to check this store’s enrollment.',
  'sync.refusal.STORE_UPDATE_REQUIRED': 'HQ needs a newer version of this app: update it. Nothing is lost meanwhile.',
  'sync.refusal.HQ_UPDATE_REQUIRED': 'HQ runs an older version than this app: HQ must be updated. Entries wait here.',
  'sync.refusal.CLOCK_AHEAD': 'This PC’s clock is more than a day ahead of HQ’s: set its date and time right.',
  'sync.refusal.CLOCK_BEHIND': 'HQ’s clock is more than a day ahead of this PC’s: set this PC’s date and time right.',
  'sync.refusal.PLAN_CHANGED': 'HQ’s data changed since the preview: preview again, then confirm.',
  'sync.refusal.BUSY': 'HQ is busy: the app will try again by itself.',
  'sync.refusal.other': 'HQ refused the request ({code}).',
};
