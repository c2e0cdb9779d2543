import type { reportMethods } from '../../../src-shared/api/methods/reports';
import type { HandlersFor } from '../handler-types';

export const reportHandlers: HandlersFor<typeof reportMethods> = {};
