import { z } from 'zod';
import { DisplayName, Empty, IsoTime, Ok, Username } from '../../api/common';
import { hqMutation, hqQuery, WRITERS } from '../contract';
import { HQ_ROLES } from '../roles';
import { HQ_SCOPE_KINDS } from '../scope';

export const HqRoleSchema = z.enum(HQ_ROLES);
export const HqPassword = z.string().min(8, { message: 'validation.passwordLength' }).max(128);
const UserId = z.string().min(1).max(80);

/** Which stores a user sees: the chain, the stores of some regions, or some stores. */
export const HqScopeDto = z.object({
  kind: z.enum(HQ_SCOPE_KINDS),
  regionIds: z.array(z.string().min(1).max(80)).max(200).default([]),
  storeIds: z.array(z.string().min(1).max(80)).max(5000).default([]),
});
export type HqScopeDto = z.infer<typeof HqScopeDto>;

export const HqUserDto = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: HqRoleSchema,
  disabled: z.boolean(),
  /** An administrator reset the password: the user sets a new one at their next sign-in. */
  mustChangePassword: z.boolean(),
  lastLoginAt: IsoTime.nullable(),
  scope: HqScopeDto,
});
export type HqUserDto = z.infer<typeof HqUserDto>;

/** HQ's staff, managed by HQ administrators only. */
export const hqUserMethods = {
  'users.list': hqQuery({ input: Empty, output: z.array(HqUserDto), access: WRITERS.admin }),
  'users.create': hqMutation({
    input: z.object({ username: Username, displayName: DisplayName, role: HqRoleSchema, password: HqPassword }),
    output: HqUserDto,
    access: WRITERS.admin,
    secret: ['password'],
    invalidates: ['users.list'],
  }),
  /** Display name, role, disabled: nobody disables or demotes themselves, and the last active administrator stays. */
  'users.update': hqMutation({
    input: z.object({
      id: UserId,
      displayName: DisplayName.optional(),
      role: HqRoleSchema.optional(),
      disabled: z.boolean().optional(),
    }),
    output: HqUserDto,
    access: WRITERS.admin,
    invalidates: ['users.list', 'session.current'],
  }),
  /** A temporary password: the user's sessions end and their next sign-in must set a new one. */
  'users.resetPassword': hqMutation({
    input: z.object({ id: UserId, password: HqPassword }),
    output: HqUserDto,
    access: WRITERS.admin,
    secret: ['password'],
    invalidates: ['users.list'],
  }),
  'users.setScope': hqMutation({
    input: z.object({ id: UserId, scope: HqScopeDto }),
    output: HqUserDto,
    access: WRITERS.admin,
    invalidates: ['users.list', 'session.current', 'stores.list'],
  }),
  /** The signed-in user's own password, proving the current one (the one way on after a reset). */
  'session.changePassword': hqMutation({
    input: z.object({ current: z.string().min(1).max(128), password: HqPassword }),
    output: Ok,
    access: 'any',
    secret: ['current', 'password'],
    invalidates: ['session.current'],
  }),
} as const;
