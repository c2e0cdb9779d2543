import { Segmented } from 'antd';
import type { ReportColumn } from '../../../components/reports/report-columns';
import type { MessageKey } from '../../../../../src-shared/i18n';
import { useI18n } from '../../../lib/i18n';
import { categoryName } from '../repair-format';

/** The reports that show either one row per piece of equipment or one per category. */
export type View = 'equipment' | 'category';

/** A row of such a report: equipment rows carry their id, code and name; category rows leave them empty. */
export interface ViewRow {
  id: string;
  equipmentId: string | null;
  code: string;
  name: string;
  category: string;
}

const TOTAL_ID = '__total';
type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The rows of the view asked for, in the one shape the grid shows. */
export function rowsOfView<
  E extends { equipmentId: string; code: string; name: string },
  C extends { category: string },
>(data: { perEquipment: E[]; perCategory: C[] }, view: View) {
  return view === 'equipment'
    ? data.perEquipment.map((e) => ({ ...e, id: e.equipmentId }))
    : data.perCategory.map((c) => ({ ...c, id: c.category, equipmentId: null, code: '', name: '' }));
}

/** The totals row, its label in the view's first column. */
export function totalsOfView<F>(total: F, view: View, label: string): F & ViewRow {
  return {
    ...total,
    id: TOTAL_ID,
    equipmentId: null,
    code: view === 'equipment' ? label : '',
    name: '',
    category: view === 'category' ? label : '',
  };
}

/** Code, name and category for the equipment view; the category alone, pinned, for the category view. */
export function viewColumns<R extends ViewRow>(t: T, view: View): ReportColumn<R>[] {
  const category: ReportColumn<R> = {
    key: 'category',
    header: 'repairs.col.category',
    type: 'text',
    width: view === 'category' ? 140 : 100,
    get: (r) => (r.id === TOTAL_ID ? r.category : categoryName(t, r.category)),
  };
  return view === 'equipment'
    ? [
        { key: 'code', header: 'repairs.col.code', type: 'text', width: 140, pinned: 'left' },
        { key: 'name', header: 'repairs.col.name', type: 'text', width: 190 },
        category,
      ]
    : [{ ...category, pinned: 'left' }];
}

export function ViewSwitch(props: { value: View; onChange(view: View): void; testId?: string }) {
  const { t } = useI18n();
  return (
    <Segmented
      value={props.value}
      onChange={(v) => props.onChange(v as View)}
      options={[
        { value: 'equipment', label: t('repairs.reports.perEquipment') },
        { value: 'category', label: t('repairs.reports.perCategory') },
      ]}
      data-testid={props.testId}
    />
  );
}
