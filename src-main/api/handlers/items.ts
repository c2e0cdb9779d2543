import type { itemMethods } from '../../../src-shared/api/methods/items';
import type { HandlersFor } from '../handler-types';

export const itemHandlers: HandlersFor<typeof itemMethods> = {};
