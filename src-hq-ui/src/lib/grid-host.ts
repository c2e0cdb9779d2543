import type { GridHost } from '../../../src-renderer/src/components/grid-host';
import { onInvalidate } from './query';

const PREFIX = 'hq.';

/**
 * HQ's grids keep their column layout in this browser: HQ's API has no
 * per-user preferences, and a layout is not worth one (the store keeps its
 * users' on its backend because its PCs and tablets are shared).
 */
export const hqGridHost: GridHost = {
  loadColumns: (key) => {
    try {
      return Promise.resolve(JSON.parse(localStorage.getItem(PREFIX + key) ?? 'null') as unknown);
    } catch {
      return Promise.resolve(null);
    }
  },
  saveColumns: (key, value) => {
    if (value === null) localStorage.removeItem(PREFIX + key);
    else localStorage.setItem(PREFIX + key, JSON.stringify(value));
    return Promise.resolve();
  },
  onInvalidate,
};
