/** API contracts: ops. */
export const opsMethods = {} as const;
