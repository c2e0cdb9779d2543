import { translate, type MessageKey } from '../../../src-shared/i18n';
import { formatAmount, xlsxMoneyFormat } from '../../../src-shared/money';
import type { Ctx } from '../context';
import { storeMoney } from '../store/money';
import { storeRow } from '../store/settings';

/**
 * What every document for a supplier takes from the call and the store: its
 * texts in the caller's language, amounts in the store's currency, the store
 * as the buyer, and the lines for signatures.
 */
export function documentBasics(ctx: Ctx) {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(ctx.locale, key, params);
  const store = storeRow(ctx.db);
  const money = storeMoney(ctx);
  return {
    t,
    store,
    money,
    /** The plain figure in the currency's decimals (the column or total names the currency). */
    amount: (v: number) => formatAmount(v, money.currency),
    moneyFormat: xlsxMoneyFormat(money),
    buyer: store ? `${store.code} ${store.name}` : '',
    /** The supplier's contact person and phone, as one field. */
    contact: (s: { supplierContact: string; supplierPhone: string }) =>
      [s.supplierContact, s.supplierPhone].filter(Boolean).join(' '),
    signatures: [t('po.doc.preparedBy'), t('po.doc.approvedBy'), t('po.doc.supplierSign')],
  };
}
