/** English texts: items. */
export const enItems = {} as const;
