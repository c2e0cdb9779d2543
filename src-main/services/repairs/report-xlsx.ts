import { hasMessage, translate, type MessageKey } from '../../../src-shared/i18n';
import type { Ctx } from '../context';
import { buildXlsx, type XlsxInput } from '../reports/xlsx';
import { storeMoney } from '../store/money';
import { fieldError, today } from './common';
import { agingReport, costsReport, reliabilityReport, repeatsReport, slaReport, type Period } from './reports';
import { addDays } from '../../../src-shared/repairs/pm-schedule';

type Col = XlsxInput['columns'][number];
type Report = 'reliability' | 'sla' | 'repeats' | 'costs' | 'aging';

const pct = (bp: number | null) => (bp === null ? '' : `${(bp / 100).toFixed(2)}%`);

/**
 * One repairs report as an XLSX workbook: the same figures as the screen,
 * headers and category names in the caller's language (exceljs is loaded on
 * the first export, see lib/exceljs.ts).
 */
export async function repairReportXlsx(ctx: Ctx, i: { report: Report; from?: string | null; to?: string | null }) {
  const t = (key: string, params?: Record<string, string | number>) => translate(ctx.locale, key as MessageKey, params);
  const cat = (c: string) => (hasMessage(`repairs.category.${c}`) ? t(`repairs.category.${c}`) : c);
  const col = (key: string, type: Col['type'], header = t(`repairs.col.${key}`)): Col => ({ key, header, type });
  const day = today(ctx);
  const p: Period = { from: i.from ?? addDays(day, -364), to: i.to ?? day };
  if (
    i.report !== 'aging' &&
    (!/^\d{4}-\d{2}-\d{2}$/.test(p.from) || !/^\d{4}-\d{2}-\d{2}$/.test(p.to) || p.from > p.to)
  ) {
    fieldError('VALIDATION', 'repairs.v.period', 'to');
  }
  const subtitle = i.report === 'aging' ? day : `${p.from} ~ ${p.to}`;
  const name = (zh: string, en: string) => (ctx.locale === 'zh-CN' ? zh || en : en || zh);
  let input: Omit<XlsxInput, 'title' | 'subtitle'>;
  switch (i.report) {
    case 'reliability': {
      const r = reliabilityReport(ctx, p);
      const figures = [
        col('failures', 'int'),
        col('repairs', 'int'),
        col('mttrMinutes', 'int'),
        col('mtbfMinutes', 'int'),
        col('downtimeMinutes', 'int'),
        col('operatingMinutes', 'int'),
        col('availability', 'text'),
      ];
      input = {
        columns: [col('code', 'text'), col('name', 'text'), col('category', 'text'), ...figures],
        rows: r.perEquipment.map((e) => ({ ...e, category: cat(e.category), availability: pct(e.availabilityBp) })),
        totals: { code: t('repairs.col.total'), ...r.total, availability: pct(r.total.availabilityBp) },
      };
      break;
    }
    case 'sla': {
      const r = slaReport(ctx, p);
      input = {
        columns: [
          col('priority', 'text'),
          col('workOrders', 'int'),
          col('responseMet', 'int'),
          col('responseMissed', 'int'),
          col('responseCompliance', 'text'),
          col('resolutionMet', 'int'),
          col('resolutionMissed', 'int'),
          col('resolutionCompliance', 'text'),
        ],
        rows: r.byPriority.map((b) => ({
          ...b,
          priority: t(`repairs.priority.${b.priority}`),
          responseCompliance: pct(b.responseBp),
          resolutionCompliance: pct(b.resolutionBp),
        })),
      };
      break;
    }
    case 'repeats':
      input = {
        columns: [
          col('code', 'text'),
          col('name', 'text'),
          col('category', 'text'),
          col('faultCode', 'text'),
          col('fault', 'text'),
          col('failures', 'int'),
          col('repeats', 'int'),
          col('numbers', 'text'),
        ],
        rows: repeatsReport(ctx, p).map((r) => ({
          ...r,
          category: cat(r.category),
          fault: name(r.faultNameZh, r.faultNameEn),
          numbers: r.numbers.join(', '),
        })),
      };
      break;
    case 'costs': {
      const r = costsReport(ctx, p);
      input = {
        columns: [
          col('code', 'text'),
          col('name', 'text'),
          col('category', 'text'),
          col('workOrders', 'int'),
          col('parts', 'money'),
          col('labour', 'money'),
          col('labourMinutes', 'int'),
          col('vendor', 'money'),
          col('totalCost', 'money'),
        ],
        rows: r.perEquipment.map((e) => ({ ...e, category: cat(e.category), totalCost: e.total })),
        totals: { code: t('repairs.col.total'), ...r.total, totalCost: r.total.total },
      };
      break;
    }
    case 'aging': {
      const r = agingReport(ctx);
      input = {
        columns: [
          col('age', 'text'),
          ...(['urgent', 'high', 'normal', 'low'] as const).map((k) => col(k, 'int', t(`repairs.priority.${k}`))),
          col('workOrders', 'int'),
          col('active', 'int'),
        ],
        rows: r.buckets.map((b) => ({ ...b, age: t(`repairs.age.${b.bucket}`), workOrders: b.total })),
      };
      break;
    }
  }
  const title = t(`repairs.report.${i.report}`);
  const out = await buildXlsx({ title, subtitle, ...input }, storeMoney(ctx));
  return { fileName: `${title}-${subtitle.replace(/[^0-9-]+/g, '_')}.xlsx`, base64: out.base64 };
}
