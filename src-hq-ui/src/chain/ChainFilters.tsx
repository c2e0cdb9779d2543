import { Select, Space } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useQuery } from '../lib/query';
import { recentMonths } from './months';

/** The month a chain view is for. */
export function MonthPicker({ value, onChange }: { value: string; onChange: (m: string) => void }) {
  const { t } = useI18n();
  const options = useMemo(() => recentMonths().map((m) => ({ value: m, label: m })), []);
  return (
    <Space size={4}>
      <span>{t('chain.month')}</span>
      <Select value={value} onChange={onChange} options={options} style={{ width: 110 }} data-testid="chain-month" />
    </Space>
  );
}

/** Stores to narrow a view to (none picked: every store the user may see). */
export function StorePicker({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useI18n();
  const stores = useQuery('stores.list', {});
  const options = useMemo(
    () => (stores.data ?? []).map((s) => ({ value: s.id, label: `${s.code} ${s.name}` })),
    [stores.data],
  );
  return (
    <Select
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      value={value}
      onChange={onChange}
      options={options}
      placeholder={t('chain.storesAll')}
      optionFilterProp="label"
      style={{ minWidth: 200, maxWidth: 360 }}
      data-testid="chain-stores"
    />
  );
}

/** A category of HQ's catalogue, or all. */
export function CategoryPicker({
  value,
  onChange,
  categories,
}: {
  value: string | null;
  onChange: (c: string | null) => void;
  categories: { code: string; name: string }[];
}) {
  const { t } = useI18n();
  return (
    <Select
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange(v ?? null)}
      options={categories.map((c) => ({ value: c.code, label: c.name }))}
      placeholder={t('chain.categoryAll')}
      style={{ width: 150 }}
      data-testid="chain-category"
    />
  );
}
