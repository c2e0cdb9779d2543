import type { attachmentMethods } from '../../../src-shared/api/methods/attachments';
import { getAttachment } from '../../services/ops/attachments';
import type { HandlersFor } from '../handler-types';

export const attachmentHandlers: HandlersFor<typeof attachmentMethods> = {
  'attachments.get': { run: getAttachment },
};
