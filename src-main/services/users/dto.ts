import type { UserDto } from '../../../src-shared/api/common';
import { isLocale } from '../../../src-shared/i18n';
import { toIso } from '../../../src-shared/time';
import type { users } from '../../db/schema';

export type UserRow = typeof users.$inferSelect;

export function toUserDto(row: UserRow): UserDto {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    authKind: row.authKind,
    disabled: row.disabled,
    locale: isLocale(row.locale) ? row.locale : null,
    failedAttempts: row.failedAttempts,
    lockedUntil: toIso(row.lockedUntil),
    lastLoginAt: toIso(row.lastLoginAt),
    createdAt: toIso(row.createdAt)!,
  };
}
