import type { Locale } from '../../../../src-shared/i18n';
import type { ReportColumn } from '../../components/reports/report-columns';

interface ItemLike {
  code: string;
  nameZh: string;
  nameEn: string;
  categoryZh: string;
  categoryEn: string;
  baseUnit: string;
}

/** Code, name and category in the user's language, and the base unit: the left side of every item report. */
export function itemColumns<T extends ItemLike>(locale: Locale): ReportColumn<T>[] {
  const zh = locale === 'zh-CN';
  return [
    { key: 'code', header: 'reports.col.code', type: 'text', width: 100, pinned: 'left' },
    {
      key: 'name',
      header: 'reports.col.name',
      type: 'text',
      width: 150,
      pinned: 'left',
      get: (r) => (zh ? r.nameZh : r.nameEn),
    },
    {
      key: 'category',
      header: 'reports.col.category',
      type: 'text',
      width: 100,
      get: (r) => (zh ? r.categoryZh : r.categoryEn),
    },
    { key: 'baseUnit', header: 'reports.col.unit', type: 'text', width: 70 },
  ];
}

/** A totals row has no item: blank texts, the label in the code column. */
export function totalsItem(label: string): ItemLike & { itemId: string } {
  return { itemId: '__total', code: label, nameZh: '', nameEn: '', categoryZh: '', categoryEn: '', baseUnit: '' };
}
