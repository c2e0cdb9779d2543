/** English texts: counts. */
export const enCounts = {} as const;
