import { z } from 'zod';
import { DisplayName, Empty, IsoTime, Ok, Username } from '../../api/common';
import { LOCALES } from '../../i18n';
import { hqMutation, hqQuery } from '../contract';
import { HQ_ROLES } from '../roles';

export const HqRoleSchema = z.enum(HQ_ROLES);
export const HqPassword = z.string().min(8, { message: 'validation.passwordLength' }).max(128);

export const HqUserDto = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: HqRoleSchema,
  disabled: z.boolean(),
  lastLoginAt: IsoTime.nullable(),
});
export type HqUserDto = z.infer<typeof HqUserDto>;

export const HqSessionDto = z.object({
  user: HqUserDto.nullable(),
  /** No HQ user exists yet: the first-run screen creates the first administrator. */
  needsSetup: z.boolean(),
  expiresAt: IsoTime.nullable(),
  hqName: z.string(),
});

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
  'users.list': hqQuery({ input: Empty, output: z.array(HqUserDto), access: ['admin'] }),
  'users.create': hqMutation({
    input: z.object({ username: Username, displayName: DisplayName, role: HqRoleSchema, password: HqPassword }),
    output: HqUserDto,
    access: ['admin'],
    secret: ['password'],
    invalidates: ['users.list'],
  }),
} as const;
