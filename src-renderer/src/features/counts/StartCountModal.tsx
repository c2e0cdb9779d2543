import { Checkbox, Form, Input, Select } from 'antd';
import type { MethodInput } from '../../../../src-shared/api';
import { FormModal } from '../../components/FormModal';
import { useI18n } from '../../lib/i18n';
import { useMutation, useQuery } from '../../lib/query';

type Values = MethodInput<'counts.start'>;

/** Full count, or limited to areas and/or categories; blind optional. */
export function StartCountModal(props: { open: boolean; onClose(): void; onStarted(id: string): void }) {
  const { t, locale } = useI18n();
  const options = useQuery('counts.scopeOptions', {}, { enabled: props.open });
  const start = useMutation('counts.start');
  const name = (o: { nameZh: string; nameEn: string }) => (locale === 'zh-CN' ? o.nameZh : o.nameEn);
  return (
    <FormModal<Values>
      open={props.open}
      title={t('counts.startTitle')}
      okText={t('counts.start')}
      initialValues={{ areaIds: [], categories: [], blind: false, note: '' }}
      onClose={props.onClose}
      testId="count-start-form"
      onSubmit={async (v) => {
        const r = await start.mutate(v);
        props.onStarted(r.id);
        return t('counts.started', { number: r.number, lines: r.lines });
      }}
    >
      <Form.Item name="areaIds" label={t('counts.areas')} extra={t('counts.areasHint')}>
        <Select
          mode="multiple"
          allowClear
          data-testid="count-areas"
          options={options.data?.areas.map((a) => ({ value: a.id, label: `${a.code} · ${name(a)}` }))}
          optionFilterProp="label"
        />
      </Form.Item>
      <Form.Item name="categories" label={t('counts.categories')} extra={t('counts.categoriesHint')}>
        <Select
          mode="multiple"
          allowClear
          options={options.data?.categories.map((c) => ({ value: c.code, label: name(c) }))}
          optionFilterProp="label"
        />
      </Form.Item>
      <Form.Item name="blind" valuePropName="checked" extra={t('counts.blindHint')}>
        <Checkbox data-testid="count-blind">{t('counts.blind')}</Checkbox>
      </Form.Item>
      <Form.Item name="note" label={t('counts.note')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
