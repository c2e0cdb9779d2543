import { DEFAULT_CURRENCY, type MoneyFormat } from '../../../src-shared/money';
import type { Ctx } from '../context';
import { storeRow } from './settings';

/** The store's currency (store settings) in the caller's language: what every document and export formats money with. */
export function storeMoney(ctx: Pick<Ctx, 'db' | 'locale'>): MoneyFormat {
  return { currency: storeRow(ctx.db)?.currency || DEFAULT_CURRENCY, locale: ctx.locale };
}
