import type { GridHost } from '../components/grid-host';
import { call } from '../lib/api';
import { onInvalidate } from '../lib/query';

/** The store's grids keep each user's column layout on the backend, so it follows them to another PC or tablet. */
export const storeGridHost: GridHost = {
  loadColumns: (key) => call('prefs.get', { key }).then((r) => r.value),
  saveColumns: (key, value) => call('prefs.set', { key, value }).then(() => undefined),
  onInvalidate,
};
