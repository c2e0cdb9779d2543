import type { HandlerMap } from '../handler-types';
import { attachmentHandlers } from './attachments';
import { coreHandlers } from './core';
import { countHandlers } from './counts';
import { deviceHandlers } from './devices';
import { equipmentHandlers } from './equipment';
import { receivingHandlers } from './receiving';
import { invoiceHandlers } from './invoices';
import { itemHandlers } from './items';
import { opsHandlers } from './ops';
import { periodHandlers } from './periods';
import { procurementHandlers } from './procurement';
import { repairHandlers } from './repairs';
import { reasonHandlers } from './reasons';
import { reportHandlers } from './reports';
import { stockHandlers } from './stock';
import { syncHandlers } from './sync';

/** Every method's handler; a method without one is a compile error. */
export const handlers: HandlerMap = {
  ...coreHandlers,
  ...stockHandlers,
  ...periodHandlers,
  ...itemHandlers,
  ...countHandlers,
  ...opsHandlers,
  ...reportHandlers,
  ...deviceHandlers,
  ...receivingHandlers,
  ...reasonHandlers,
  ...attachmentHandlers,
  ...procurementHandlers,
  ...invoiceHandlers,
  ...repairHandlers,
  ...equipmentHandlers,
  ...syncHandlers,
};
