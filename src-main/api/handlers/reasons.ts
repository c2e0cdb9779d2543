import type { reasonMethods } from '../../../src-shared/api/methods/reasons';
import { listReasons, saveReason, setReasonActive } from '../../services/ops/reason-admin';
import type { HandlersFor } from '../handler-types';

export const reasonHandlers: HandlersFor<typeof reasonMethods> = {
  'reasons.list': { run: (ctx) => listReasons(ctx) },
  'reasons.save': { run: saveReason },
  'reasons.setActive': { run: setReasonActive },
};
