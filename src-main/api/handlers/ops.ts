import type { opsMethods } from '../../../src-shared/api/methods/ops';
import type { HandlersFor } from '../handler-types';

export const opsHandlers: HandlersFor<typeof opsMethods> = {};
