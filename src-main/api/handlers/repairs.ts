import type { repairMethods } from '../../../src-shared/api/methods/repairs';
import {
  addInvoice,
  logLabour,
  returnPart,
  useParts,
  voidInvoice,
  voidLabour,
} from '../../services/repairs/costs-write';
import { knowledge } from '../../services/repairs/knowledge';
import { importReadings, listReadings, recordReading } from '../../services/repairs/meters';
import { suggestAssignees } from '../../services/repairs/people';
import { repairPickers } from '../../services/repairs/pickers';
import { saveChecklist } from '../../services/repairs/checklist';
import { generateDueNow, pmSchedule, withDueWork } from '../../services/repairs/pm-generate';
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

  'pm.plans': { run: listPlans },
  'pm.savePlan': { run: (ctx, i) => withDueWork(ctx, savePlan(ctx, i)) },
  'pm.schedule': { run: pmSchedule },
  'pm.generateDue': { run: (ctx) => generateDueNow(ctx) },
  'pm.recordReading': { run: (ctx, i) => withDueWork(ctx, recordReading(ctx, i)) },
  'pm.importReadings': { run: (ctx, i) => withDueWork(ctx, importReadings(ctx, i)) },
  'pm.readings': { run: listReadings },
  'pm.saveChecklist': { run: saveChecklist },

  'repairReports.reliability': { run: reliabilityReport },
  'repairReports.sla': { run: slaReport },
  'repairReports.repeats': { run: repeatsReport },
  'repairReports.costs': { run: costsReport },
  'repairReports.aging': { run: (ctx) => agingReport(ctx) },
  'repairReports.xlsx': { run: repairReportXlsx },
};
