/** English texts: currency and display formats. */
export const enFormat = {} as const;
