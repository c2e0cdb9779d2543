/** English texts: backup, restore and uploads. */
export const enSystem = {} as const;
