import type { HqHandlerMap } from '../handler-types';
import { clientHandlers } from './client';
import { masterHandlers } from './master';
import { opsHandlers } from './ops';
import { regionHandlers } from './regions';
import { repairHandlers } from './repairs';
import { sessionHandlers } from './session';
import { storeHandlers } from './stores';
import { userHandlers } from './users';

/** Every HQ API method's handler: a missing or mistyped one is a compile error. */
export const hqHandlers: HqHandlerMap = {
  ...sessionHandlers,
  ...storeHandlers,
  ...masterHandlers,
  ...opsHandlers,
  ...clientHandlers,
  ...userHandlers,
  ...regionHandlers,
  ...repairHandlers,
};
