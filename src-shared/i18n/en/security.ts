/** English texts: the HTTP host, sign-in throttling and request validation. */
export const enSecurity = {} as const;
