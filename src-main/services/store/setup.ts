import type { SessionDto } from '../../../src-shared/api/common';
import { store, users } from '../../db/schema';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import { startSession } from '../auth/login';
import { hashSecret } from '../auth/passwords';
import type { Ctx } from '../context';
import { seedDemo } from '../demo/seed';
import type { UserRow } from '../users/dto';
import { DEFAULT_SETTINGS, isInitialized } from './settings';

export interface SetupInput {
  store: { code: string; name: string; address: string; timezone: string; currency: string };
  admin: { username: string; displayName: string; authKind: 'pin' | 'password'; secret: string };
  demo: boolean;
}

export function setupStatus(ctx: Ctx): { initialized: boolean; allowedHere: boolean } {
  return { initialized: isInitialized(ctx.db), allowedHere: ctx.caller.loopback };
}

/**
 * First run: the store row and its first administrator, then a session for
 * them. Only from the store PC itself: on a LAN, the first device to reach an
 * empty store must not become its administrator.
 */
export function initializeStore(ctx: Ctx, input: SetupInput): SessionDto {
  if (!ctx.caller.loopback) throw new AppError('FORBIDDEN', 'error.SETUP_REMOTE');
  if (isInitialized(ctx.db)) throw new AppError('ALREADY_SET_UP');
  const storeId = uuidv7(ctx.now);
  const storeValues = {
    id: storeId,
    ...input.store,
    settings: JSON.stringify(DEFAULT_SETTINGS),
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  ctx.db.insert(store).values(storeValues).run();
  ctx.changed({ table: 'store', id: storeId, op: 'insert', values: storeValues });
  const admin: UserRow = {
    id: uuidv7(ctx.now),
    username: input.admin.username,
    displayName: input.admin.displayName,
    role: 'admin',
    authKind: input.admin.authKind,
    secretHash: hashSecret(input.admin.secret),
    disabled: false,
    locale: ctx.locale,
    failedAttempts: 0,
    lockedUntil: null,
    lastLoginAt: ctx.now,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  ctx.db.insert(users).values(admin).run();
  ctx.changed({ table: 'users', id: admin.id, op: 'insert', values: { ...admin } });
  if (input.demo) seedDemo(ctx);
  return startSession(ctx, admin);
}
