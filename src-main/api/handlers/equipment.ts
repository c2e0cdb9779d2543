import type { equipmentMethods } from '../../../src-shared/api/methods/equipment';
import { listFaultCodes, saveFaultCode, setFaultActive } from '../../services/repairs/codes';
import {
  attachToEquipment,
  equipmentQr,
  equipmentRegistry,
  getEquipment,
  listEquipment,
  resolveQr,
  saveEquipment,
} from '../../services/repairs/equipment';
import { listTechnicians, listVendors, saveTechnician, saveVendor } from '../../services/repairs/people';
import type { HandlersFor } from '../handler-types';

export const equipmentHandlers: HandlersFor<typeof equipmentMethods> = {
  'equipment.list': { run: listEquipment },
  'equipment.registry': { run: equipmentRegistry },
  'equipment.get': { run: getEquipment },
  'equipment.save': { run: saveEquipment },
  'equipment.attach': { run: attachToEquipment },
  'equipment.qr': { run: equipmentQr },
  'equipment.resolveQr': { run: resolveQr },
  'faultCodes.list': { run: listFaultCodes },
  'faultCodes.save': { run: saveFaultCode },
  'faultCodes.setActive': { run: setFaultActive },
  'vendors.list': { run: listVendors },
  'vendors.save': { run: saveVendor },
  'technicians.list': { run: (ctx) => listTechnicians(ctx) },
  'technicians.save': { run: saveTechnician },
};
