import { Form, Input, Typography } from 'antd';
import { useMemo } from 'react';
import type { HqMethodOutput } from '../../../src-shared/hq-api';
import type { HqItemDto } from '../../../src-shared/hq-api/methods/master';
import { FormModal } from '../../../src-renderer/src/components/FormModal';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { money, moneySymbol } from '../../../src-renderer/src/lib/money';
import { parseYuan, PRICE_PATTERN, yuanText } from '../../../src-renderer/src/lib/money-entry';
import { useMutation } from '../lib/query';

export type CatalogueLine = HqMethodOutput<'supplierItems.save'> & { item: HqItemDto | null };

/** The agreed price of one pack: the edit HQ's buyers make most; every store orders at it after its next sync. */
export function PriceModal(props: { line: CatalogueLine | null; itemName: string; onClose(): void }) {
  const { t } = useI18n();
  const setPrice = useMutation('supplierItems.setPrice');
  const l = props.line;
  const initial = useMemo(() => (l ? { price: yuanText(l.price) } : undefined), [l]);
  return (
    <FormModal<{ price: string }>
      open={l !== null}
      title={l ? t('hq.catalogue.priceTitle', { item: `${l.item?.code ?? ''} ${props.itemName}`.trim() }) : ''}
      initialValues={initial}
      onSubmit={async (v) => {
        // A price that is not a plain amount goes as -1: the API names the field.
        await setPrice.mutate({ id: l!.id, price: parseYuan(v.price) ?? -1 });
        return t('hq.catalogue.priceSaved');
      }}
      onClose={props.onClose}
      testId="price-form"
      okTestId="price-save"
    >
      {l && (
        <Typography.Paragraph type="secondary" data-testid="price-current">
          {t('hq.catalogue.current', { price: money(l.price), pack: l.packUnit })}
        </Typography.Paragraph>
      )}
      <Form.Item
        name="price"
        label={t('catalogue.f.price', { currency: moneySymbol() })}
        rules={[
          { required: true, message: t('validation.required') },
          { pattern: PRICE_PATTERN, message: t('hq.catalogue.priceFormat') },
        ]}
      >
        <Input autoFocus inputMode="decimal" prefix={moneySymbol()} data-testid="price-input" />
      </Form.Item>
    </FormModal>
  );
}
