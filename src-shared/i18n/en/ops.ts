/** English texts: ops. */
export const enOps = {} as const;
