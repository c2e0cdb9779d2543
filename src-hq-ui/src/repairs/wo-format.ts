import { hasMessage, type MessageKey } from '../../../src-shared/i18n';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Category keys are the chain's vocabulary: known ones have names (the store's catalogue), a new one shows as typed. */
export function categoryName(t: T, key: string): string {
  const k = `repairs.category.${key}`;
  return hasMessage(k) ? t(k) : key;
}

export const PRIORITY_COLOR = { urgent: 'red', high: 'volcano', normal: 'blue', low: 'default' } as const;

export const STATUS_COLOR: Record<string, string> = {
  submitted: 'gold',
  triaged: 'orange',
  assigned: 'blue',
  in_progress: 'processing',
  waiting: 'purple',
  resolved: 'green',
  confirmed: 'cyan',
  closed: 'default',
  cancelled: 'default',
};
