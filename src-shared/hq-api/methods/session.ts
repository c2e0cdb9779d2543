import { z } from 'zod';
import { DisplayName, Empty, IsoTime, Ok, Username } from '../../api/common';
import { LOCALES } from '../../i18n';
import { hqMutation, hqQuery } from '../contract';
import { HqPassword, HqUserDto } from './users';

export const HqSessionDto = z.object({
  user: HqUserDto.nullable(),
  /** No HQ user exists yet: the first-run screen creates the first administrator. */
  needsSetup: z.boolean(),
  expiresAt: IsoTime.nullable(),
  hqName: z.string(),
});

export { HqPassword, HqRoleSchema, HqUserDto } from './users';

export const hqSessionMethods = {
  'session.current': hqQuery({ input: Empty, output: HqSessionDto, access: 'public' }),
  'session.login': hqMutation({
    input: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(128) }),
    output: HqSessionDto,
    access: 'public',
    secret: ['password'],
    invalidates: ['*'],
  }),
  'session.logout': hqMutation({ input: Empty, output: Ok, access: 'any', invalidates: ['*'] }),
  /** First run only, and only from HQ's own machine: the first administrator. */
  'setup.createAdmin': hqMutation({
    input: z.object({
      username: Username,
      displayName: DisplayName,
      password: HqPassword,
      locale: z.enum(LOCALES).optional(),
    }),
    output: HqSessionDto,
    access: 'public',
    secret: ['password'],
    invalidates: ['*'],
  }),
} as const;
