import type { HqHandlerMap } from '../handler-types';
import { chainHandlers } from './chain';
import { clientHandlers } from './client';
import { masterHandlers } from './master';
import { masterDataHandlers } from './master-data';
import { opsHandlers } from './ops';
import { regionHandlers } from './regions';
import { releaseHandlers } from './releases';
import { repairHandlers } from './repairs';
import { sessionHandlers } from './session';
import { storeHandlers } from './stores';
import { userHandlers } from './users';
import { transferHandlers } from './transfers';

/** Every HQ API method's handler: a missing or mistyped one is a compile error. */
export const hqHandlers: HqHandlerMap = {
  ...sessionHandlers,
  ...storeHandlers,
  ...masterHandlers,
  ...masterDataHandlers,
  ...opsHandlers,
  ...clientHandlers,
  ...userHandlers,
  ...regionHandlers,
  ...releaseHandlers,
  ...chainHandlers,
  ...transferHandlers,
  ...repairHandlers,
};
