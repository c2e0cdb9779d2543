/** English texts: currency and display formats. */
export const enFormat = {
  'labels.currencyHint':
    "Prices print in the store's currency and its decimals. In the text before or after a field, {currency} prints the currency's symbol (￥ for the yuan).",
} as const;
