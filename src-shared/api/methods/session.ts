import * as z from '../lazy-zod';
import { mutation, query } from '../contract';
import { Empty, LocaleSchema, Ok, SessionDto } from '../common';

export const sessionMethods = {
  'session.current': query({ input: Empty, output: SessionDto, access: 'public' }),
  'session.login': mutation({
    input: z.object({ username: z.string().trim().min(1).max(64), secret: z.string().min(1).max(128) }),
    output: SessionDto,
    access: 'public',
    secret: ['secret'],
    invalidates: ['*'],
    // A failed attempt is counted and audited although the call fails (services/auth/login.ts).
    auditFailures: true,
  }),
  'session.logout': mutation({ input: Empty, output: Ok, access: 'any', invalidates: ['*'] }),
  'session.setLocale': mutation({
    input: z.object({ locale: LocaleSchema }),
    output: Ok,
    access: 'any',
    invalidates: ['session.current'],
  }),
} as const;
