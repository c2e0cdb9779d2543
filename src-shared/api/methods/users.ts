import * as z from '../lazy-zod';
import { mutation, query } from '../contract';
import { Credential, DisplayName, Empty, Id, Ok, RoleSchema, UserDto, Username } from '../common';

export const userMethods = {
  'users.list': query({ input: Empty, output: z.array(UserDto), access: ['admin'] }),
  'users.create': mutation({
    input: z.object({ username: Username, displayName: DisplayName, role: RoleSchema }).and(Credential),
    output: UserDto,
    access: ['admin'],
    secret: ['secret'],
    invalidates: ['users.list'],
  }),
  'users.update': mutation({
    input: z.object({
      id: Id,
      displayName: DisplayName.optional(),
      role: RoleSchema.optional(),
      disabled: z.boolean().optional(),
    }),
    output: UserDto,
    access: ['admin'],
    invalidates: ['users.list', 'session.current'],
  }),
  'users.resetSecret': mutation({
    input: z.object({ id: Id }).and(Credential),
    output: UserDto,
    access: ['admin'],
    secret: ['secret'],
    invalidates: ['users.list'],
  }),
  'users.unlock': mutation({
    input: z.object({ id: Id }),
    output: UserDto,
    access: ['admin'],
    invalidates: ['users.list'],
  }),
  /** Any user changes their own PIN or password, proving the current one. */
  'users.changeOwnSecret': mutation({
    input: z.object({ current: z.string().min(1).max(128) }).and(Credential),
    output: Ok,
    access: 'any',
    secret: ['secret', 'current'],
    // Wrong current secrets are counted and audited although the call fails.
    auditFailures: true,
  }),
} as const;
