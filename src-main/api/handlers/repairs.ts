import type { repairMethods } from '../../../src-shared/api/methods/repairs';
import { listFaultCodes, saveFaultCode, setFaultActive } from '../../services/repairs/codes';
import {
  addInvoice,
  logLabour,
  returnPart,
  useParts,
  voidInvoice,
  voidLabour,
} from '../../services/repairs/costs-write';
import {
  attachToEquipment,
  equipmentQr,
  equipmentRegistry,
  getEquipment,
  resolveQr,
  saveEquipment,
} from '../../services/repairs/equipment';
import { knowledge } from '../../services/repairs/knowledge';
import { importReadings, listReadings, recordReading } from '../../services/repairs/meters';
import {
  listTechnicians,
  listVendors,
  saveTechnician,
  saveVendor,
  suggestAssignees,
} from '../../services/repairs/people';
import { repairPickers } from '../../services/repairs/pickers';
import { saveChecklist } from '../../services/repairs/checklist';
import { generateDueNow, pmSchedule } from '../../services/repairs/pm-generate';
import { listPlans, savePlan } from '../../services/repairs/pm-plans';
import { repairReportXlsx } from '../../services/repairs/report-xlsx';
import { agingReport, costsReport, reliabilityReport, repeatsReport, slaReport } from '../../services/repairs/reports';
import { getWorkOrder, listWorkOrders } from '../../services/repairs/wo-read';
import { attachPhotos, reportFault, transition } from '../../services/repairs/wo-write';
import type { HandlersFor } from '../handler-types';

export const repairHandlers: HandlersFor<typeof repairMethods> = {
  'repairs.pickers': { run: repairPickers },
  'repairs.report': { run: reportFault },
  'repairs.list': { run: listWorkOrders },
  'repairs.get': { run: getWorkOrder },
  'repairs.transition': { run: transition },
  'repairs.attach': { run: attachPhotos },
  'repairs.useParts': { run: useParts },
  'repairs.returnPart': { run: returnPart },
  'repairs.logLabour': { run: logLabour },
  'repairs.voidLabour': { run: voidLabour },
  'repairs.addInvoice': { run: addInvoice },
  'repairs.voidInvoice': { run: voidInvoice },
  'repairs.knowledge': { run: knowledge },
  'repairs.suggestAssignees': { run: suggestAssignees },

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

  'pm.plans': { run: listPlans },
  'pm.savePlan': { run: savePlan },
  'pm.schedule': { run: pmSchedule },
  'pm.generateDue': { run: (ctx) => generateDueNow(ctx) },
  'pm.recordReading': { run: recordReading },
  'pm.importReadings': { run: importReadings },
  'pm.readings': { run: listReadings },
  'pm.saveChecklist': { run: saveChecklist },

  'repairReports.reliability': { run: reliabilityReport },
  'repairReports.sla': { run: slaReport },
  'repairReports.repeats': { run: repeatsReport },
  'repairReports.costs': { run: costsReport },
  'repairReports.aging': { run: (ctx) => agingReport(ctx) },
  'repairReports.xlsx': { run: repairReportXlsx },
};
