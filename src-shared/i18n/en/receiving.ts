/** English texts of the receiving screens and messages. */
export const enReceiving = {} as const;
