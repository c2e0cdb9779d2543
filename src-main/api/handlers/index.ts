import type { HandlerMap } from '../handler-types';
import { coreHandlers } from './core';
import { countHandlers } from './counts';
import { itemHandlers } from './items';
import { opsHandlers } from './ops';
import { reportHandlers } from './reports';
import { stockHandlers } from './stock';

/** Every method's handler; a method without one is a compile error. */
export const handlers: HandlerMap = {
  ...coreHandlers,
  ...stockHandlers,
  ...itemHandlers,
  ...countHandlers,
  ...opsHandlers,
  ...reportHandlers,
};
