/** API contracts: reports. */
export const reportMethods = {} as const;
