import type { hqStoreMethods } from '../../../src-shared/hq-api/methods/stores';
import { assertRegionExists } from '../../services/regions/regions';
import { assertRegionInScope } from '../../services/scope/scope';
import { createStore, issueEnrollmentCode, revokeStore, StoreError, updateStore } from '../../services/stores/stores';
import { storeDetail, storeList } from '../../services/stores/views';
import { HqApiError } from '../errors';
import type { HqCall, HqHandlersFor } from '../handler-types';

function mapped(err: unknown, code?: string): never {
  if (err instanceof StoreError) {
    if (err.reason === 'codeTaken') throw new HqApiError('CONFLICT', 'hq.error.storeCodeTaken', { code: code ?? '' });
    throw new HqApiError('NOT_FOUND', 'hq.error.storeNotFound');
  }
  throw err;
}

async function issued(call: HqCall, i: { storeId: string; enrollmentCode: string; expiresAt: number }) {
  call.auditStore(i.storeId);
  const [store] = await storeList(call.q, null, i.storeId);
  return { store: store!, enrollmentCode: i.enrollmentCode, expiresAt: new Date(i.expiresAt).toISOString() };
}

export const storeHandlers: HqHandlersFor<typeof hqStoreMethods> = {
  'stores.list': { run: (call) => storeList(call.q, call.user) },
  'stores.detail': {
    async run(call, input) {
      const d = await storeDetail(call.q, call.user, input.id);
      if (!d) throw new HqApiError('NOT_FOUND', 'hq.error.storeNotFound');
      return d;
    },
  },
  'stores.create': {
    async run(call, input) {
      await assertRegionExists(call.q, input.regionId);
      await assertRegionInScope(call.q, call.user, input.regionId);
      const i = await createStore(call.q, input, call.now).catch((e: unknown) => mapped(e, input.code));
      return issued(call, i);
    },
  },
  'stores.update': {
    async run(call, input) {
      call.auditStore(input.id);
      await assertRegionExists(call.q, input.regionId);
      await assertRegionInScope(call.q, call.user, input.regionId);
      await updateStore(call.q, input, call.now).catch((e: unknown) => mapped(e));
      return (await storeList(call.q, null, input.id))[0]!;
    },
  },
  'stores.newCode': {
    async run(call, input) {
      const i = await issueEnrollmentCode(call.q, input.id, call.now).catch((e: unknown) => mapped(e));
      return issued(call, i);
    },
  },
  'stores.revoke': {
    async run(call, input) {
      call.auditStore(input.id);
      await revokeStore(call.q, input.id, call.now).catch((e: unknown) => mapped(e));
      call.hq.log.warn('store revoked', { storeId: input.id, by: call.user?.username });
      return { ok: true };
    },
  },
};
