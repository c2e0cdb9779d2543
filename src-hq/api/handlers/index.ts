import type { HqHandlerMap } from '../handler-types';
import { clientHandlers } from './client';
import { masterHandlers } from './master';
import { opsHandlers } from './ops';
import { sessionHandlers } from './session';
import { storeHandlers } from './stores';
import { transferHandlers } from './transfers';

/** Every HQ API method's handler: a missing or mistyped one is a compile error. */
export const hqHandlers: HqHandlerMap = {
  ...sessionHandlers,
  ...storeHandlers,
  ...masterHandlers,
  ...opsHandlers,
  ...clientHandlers,
  ...transferHandlers,
};
