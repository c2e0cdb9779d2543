import type { Locale } from './i18n';
import { MONEY_SCALE, formatScaled, parseScaled, roundDiv } from './quantity';

/**
 * Money as people read it, in the store's currency (store settings: an ISO
 * 4217 code such as CNY, USD, EUR, HKD). Every screen, print view, PDF and
 * spreadsheet formats amounts here, so none can fall back to a hard-coded ¥.
 *
 * Amounts are integers in ten-thousandths of the currency (MONEY_SCALE); they
 * are shown with the currency's own decimals (CNY and USD 2, JPY 0, KWD 3),
 * rounded half away from zero like all costing, and only the exact decimal
 * text ever reaches Intl, never a binary float.
 *
 * The symbol is the locale's standard one, not the narrow one: in Chinese CNY
 * is "¥" and USD "US$"; in English CNY is "CN¥" and USD "$". Orders and claims
 * go to suppliers who may deal in more than one dollar or yen.
 */
export interface MoneyFormat {
  currency: string;
  locale: Locale;
}

export const DEFAULT_CURRENCY = 'CNY';

const formatters = new Map<string, Intl.NumberFormat | null>();

/** Intl's currency formatter, or null for a code Intl refuses (then the code itself is the symbol). */
function currencyFormatter(f: MoneyFormat): Intl.NumberFormat | null {
  const key = `${f.locale}|${f.currency}`;
  if (!formatters.has(key)) {
    let nf: Intl.NumberFormat | null = null;
    try {
      nf = new Intl.NumberFormat(f.locale, { style: 'currency', currency: f.currency });
    } catch {
      nf = null;
    }
    formatters.set(key, nf);
  }
  return formatters.get(key)!;
}

const DIGITS = String(MONEY_SCALE).length - 1;

/** Decimals the currency is shown with (its ISO 4217 minor unit), at most the four amounts keep. */
export function currencyDecimals(currency: string): number {
  const nf = currencyFormatter({ currency, locale: 'en' });
  const d = nf?.resolvedOptions().maximumFractionDigits ?? 2;
  return Math.min(d, DIGITS);
}

/** The amount rounded to the currency's decimals, as exact decimal text ('-1234.50'). */
function roundedText(value4: number, currency: string): string {
  const decimals = currencyDecimals(currency);
  const unit = 10 ** (DIGITS - decimals);
  return formatScaled(roundDiv(value4, unit), 10 ** decimals, decimals);
}

/** '¥1,234.50', 'US$1,234.50', '-€3.20', 'JP¥1,235': the amount with the currency's symbol. */
export function formatCurrency(value4: number, f: MoneyFormat): string {
  const text = roundedText(value4, f.currency);
  const nf = currencyFormatter(f);
  // Intl takes decimal strings exactly; the type only lists numbers.
  return nf ? nf.format(text as unknown as number) : `${f.currency} ${text}`;
}

/**
 * '1234.50': the plain figure in the currency's decimals, for a column or a
 * field whose label names the currency, and for CSV cells a spreadsheet reads back.
 */
export const formatAmount = (value4: number, currency: string): string => roundedText(value4, currency);

/** The symbol alone, for an input's prefix or a column header: '¥', 'US$', '€'. */
export function currencySymbol(f: MoneyFormat): string {
  const nf = currencyFormatter(f);
  return nf?.formatToParts(0).find((p) => p.type === 'currency')?.value ?? f.currency;
}

/**
 * An Excel number format showing the symbol and the currency's decimals, so a
 * sheet keeps numbers Excel can sum while reading like the screen.
 */
export function xlsxMoneyFormat(f: MoneyFormat): string {
  const decimals = currencyDecimals(f.currency);
  const symbol = currencySymbol(f).replace(/"/g, '');
  return `"${symbol}"#,##0${decimals > 0 ? '.' + '0'.repeat(decimals) : ''}`;
}

/** A plain amount stored as text ('12.50', '12.3456') with the symbol, for messages kept language-neutral. */
export function formatStoredAmount(text: string, f: MoneyFormat): string {
  const v = parseScaled(text, MONEY_SCALE);
  return v === null ? text : formatCurrency(v, f);
}
