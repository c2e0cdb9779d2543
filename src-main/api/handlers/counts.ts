import type { countMethods } from '../../../src-shared/api/methods/counts';
import type { HandlersFor } from '../handler-types';

export const countHandlers: HandlersFor<typeof countMethods> = {};
