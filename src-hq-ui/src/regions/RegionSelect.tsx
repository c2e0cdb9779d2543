import { Select } from 'antd';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useQuery } from '../lib/query';
import { regionName } from './region-name';

/** Picks one region (or several with `multiple`) by its name in the reader's language, its code beside it. */
export function RegionSelect(props: {
  value?: string | string[] | null;
  onChange?: (v: string | string[] | null) => void;
  multiple?: boolean;
  testId?: string;
}) {
  const { t, locale } = useI18n();
  const q = useQuery('regions.list', {});
  return (
    <Select
      value={props.value ?? undefined}
      onChange={(v: string | string[] | undefined) => props.onChange?.(v ?? (props.multiple ? [] : null))}
      mode={props.multiple ? 'multiple' : undefined}
      allowClear
      loading={q.loading}
      placeholder={t('hq.regions.none')}
      optionFilterProp="label"
      options={(q.data ?? []).map((r) => ({ value: r.id, label: `${regionName(r, locale)} (${r.code})` }))}
      data-testid={props.testId}
    />
  );
}
