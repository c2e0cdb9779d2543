/** English texts of the repairs screens and messages. */
export const enRepairs = {} as const;
