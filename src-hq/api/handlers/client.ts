import type { hqClientMethods } from '../../../src-shared/hq-api/methods/client';
import { ClientErrorLimit, reportClientError } from '../../services/client-errors';
import { HqApiError } from '../errors';
import type { HqHandlersFor } from '../handler-types';

export const clientHandlers: HqHandlersFor<typeof hqClientMethods> = {
  'client.reportError': {
    async run(call, input) {
      try {
        return reportClientError(call.hq, call.user!.username, input);
      } catch (err) {
        if (err instanceof ClientErrorLimit) throw new HqApiError('RATE_LIMITED', 'security.clientError.tooMany');
        throw err;
      }
    },
  },
};
