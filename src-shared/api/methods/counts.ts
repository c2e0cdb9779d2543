/** API contracts: counts. */
export const countMethods = {} as const;
