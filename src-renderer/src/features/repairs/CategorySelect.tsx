import { Select } from 'antd';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { categoryName } from './repair-format';

/** The category filter of the repair lists and reports: all, or one of the categories in use ('' is all). */
export function CategorySelect(props: {
  value: string;
  onChange(category: string): void;
  width?: number;
  testId?: string;
}) {
  const { t } = useI18n();
  const pickers = useQuery('repairs.pickers', {});
  return (
    <Select
      value={props.value}
      onChange={props.onChange}
      style={{ width: props.width ?? 130 }}
      aria-label={t('repairs.f.category')}
      options={[
        { value: '', label: t('repairs.filter.allCategories') },
        ...(pickers.data?.categories ?? []).map((c) => ({ value: c, label: categoryName(t, c) })),
      ]}
      data-testid={props.testId}
    />
  );
}
