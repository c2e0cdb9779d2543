/** API contracts: items. */
export const itemMethods = {} as const;
