import type { Locale } from '../../../src-shared/i18n';
import {
  DEFAULT_CURRENCY,
  currencySymbol,
  formatAmount,
  formatCurrency,
  type MoneyFormat,
} from '../../../src-shared/money';

let current: MoneyFormat = { currency: DEFAULT_CURRENCY, locale: 'zh-CN' };

/**
 * Set from the session and the UI language (during render, like the store's
 * time zone): grids' formatters and print views read it without each page
 * threading the store's currency through.
 */
export function setMoneyFormat(currency: string | undefined, locale: Locale): void {
  current = { currency: currency || DEFAULT_CURRENCY, locale };
}

/** '¥1,234.50' in a Chinese CNY store, 'US$1,234.50' once it switches to USD. */
export const money = (value4: number): string => formatCurrency(value4, current);

/** The plain figure in the currency's decimals, for columns and fields whose label names the currency. */
export const amount = (value4: number): string => formatAmount(value4, current.currency);

/** The symbol for input prefixes and headers. */
export const moneySymbol = (): string => currencySymbol(current);
