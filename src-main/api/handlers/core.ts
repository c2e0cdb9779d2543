import { listAudit } from '../../services/audit/list';
import { verifyAudit } from '../../services/audit/chain';
import { login, logout, sessionDto } from '../../services/auth/login';
import { getPref, setPref } from '../../services/prefs/prefs';
import { initializeStore, setupStatus } from '../../services/store/setup';
import { getStore, updateStore } from '../../services/store/store';
import { reportClientError } from '../../services/system/client-errors';
import { backupNow, backups, systemInfo } from '../../services/system/system';
import { recordUploadedPiece, uploadBackupChunk } from '../../services/system/backup-upload';
import { finishRestore, restoreCheck, runRestore, stageRestore } from '../../services/system/restore';
import {
  changeOwnSecret,
  createUser,
  listUsers,
  resetSecret,
  setOwnLocale,
  unlockUser,
  updateUser,
} from '../../services/users/users';
import { users } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { prepared, type HandlersFor } from '../handler-types';
import type { coreMethods } from '../../../src-shared/api';

export const coreHandlers: HandlersFor<typeof coreMethods> = {
  'session.current': {
    run: (ctx) => {
      const row = ctx.user ? ctx.db.select().from(users).where(eq(users.id, ctx.user.id)).get() : undefined;
      return sessionDto(ctx, row ?? null, ctx.sessionExpiresAt);
    },
  },
  'session.login': { run: login },
  'session.logout': { run: logout },
  'session.setLocale': { run: (ctx, i) => setOwnLocale(ctx, i.locale) },

  'setup.status': { run: setupStatus },
  'setup.initialize': { run: initializeStore },

  'users.list': { run: listUsers },
  'users.create': { run: createUser },
  'users.update': { run: updateUser },
  'users.resetSecret': { run: resetSecret },
  'users.unlock': { run: unlockUser },
  'users.changeOwnSecret': { run: changeOwnSecret },

  'audit.list': { run: listAudit },
  'audit.verify': {
    run: (ctx) => {
      const r = verifyAudit(ctx.sqlite);
      return { ok: r.problems.length === 0, ...r };
    },
  },

  'store.get': { run: getStore },
  'store.update': { run: updateStore },

  'system.ping': { run: () => ({ now: new Date().toISOString() }) },
  'system.info': { run: systemInfo },
  'system.backups': { run: backups },
  // File work (a backup, an upload, a copy to check, the swap) runs before the transaction that records it:
  // a refusal there leaves no trace, and the entry names what was done.
  'system.backupNow': prepared({
    prepare: backupNow,
    run: (ctx, _input, b) => {
      ctx.auditNote({ result: b.file });
      return b;
    },
  }),
  'system.restoreUpload': prepared({
    prepare: uploadBackupChunk,
    run: (ctx, _input, piece) => recordUploadedPiece(ctx, piece),
  }),
  'system.restoreCheck': prepared({ prepare: stageRestore, run: restoreCheck }),
  'system.restore': prepared({ prepare: runRestore, run: (ctx, _input, done) => finishRestore(ctx, done) }),
  'system.reportClientError': { run: reportClientError },

  'prefs.get': { run: (ctx, i) => getPref(ctx, i.key) },
  'prefs.set': { run: (ctx, i) => setPref(ctx, i.key, i.value) },
};
