/** English texts: reports. */
export const enReports = {} as const;
