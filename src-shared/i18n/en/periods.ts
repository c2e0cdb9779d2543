/** English texts: the ledger's rules. */
export const enPeriods = {} as const;
