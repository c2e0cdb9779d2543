import { Checkbox, Form, Input, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { InvoiceDto } from '../../../../src-shared/api/methods/invoices';
import { FormModal } from '../../components/FormModal';
import { call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { money } from '../../lib/money';
import { lineLabel } from './MatchCard';

/** The key of the claim line about the invoice's own totals (as the API names it). */
const TOTALS = 'totals';

interface ClaimValues {
  keys: string[];
  note?: string;
}

/**
 * Picks the discrepancies to claim (all ticked to start with; the rest are
 * accepted as billed), shows the amount, and raises the claim.
 */
export function ClaimModal(props: { inv: InvoiceDto; open: boolean; onClose(): void }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const m = props.inv.match;
  const choices = useMemo(() => {
    if (!m) return [];
    const lines = m.lines
      .filter((l) => l.claimNet > 0)
      .map((l) => ({
        key: l.lineId,
        amount: l.claimNet + l.claimTax,
        label: `${t('invoices.discrepancies.line', { line: l.lineNo, item: lineLabel(l, locale) })}: ${l.kinds
          .map((k) => k.message)
          .join(' ')}`,
      }));
    const totals =
      m.header.claimGross > 0
        ? [
            {
              key: TOTALS,
              amount: m.header.claimGross,
              label: `${t('invoices.discrepancies.totals')}: ${m.header.kinds.map((k) => k.message).join(' ')}`,
            },
          ]
        : [];
    return [...lines, ...totals];
  }, [m, t, locale]);
  const initial = useMemo(() => ({ keys: choices.map((c) => c.key) }), [choices]);
  return (
    <FormModal<ClaimValues>
      open={props.open}
      title={t('invoices.claim.pickTitle', { number: props.inv.number })}
      okText={t('invoices.createClaim')}
      initialValues={initial}
      width={720}
      onSubmit={async (v) => {
        const claim = await call('invoices.createClaim', { invoiceId: props.inv.id, keys: v.keys, note: v.note ?? '' });
        navigate(`/invoice-claims/${claim.id}`);
        return t('invoices.claimCreated', { number: claim.number });
      }}
      onClose={props.onClose}
      testId="claim-form"
      okTestId="claim-ok"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('invoices.claim.pickHint')}
      </Typography.Paragraph>
      <Form.Item name="keys" rules={[{ required: true, message: t('validation.required') }]}>
        <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
          {choices.map((c) => (
            <Checkbox key={c.key} value={c.key}>
              <b>{money(c.amount)}</b> · {c.label}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {({ getFieldValue }) => {
          const keys = (getFieldValue('keys') as string[] | undefined) ?? [];
          const total = choices.filter((c) => keys.includes(c.key)).reduce((s, c) => s + c.amount, 0);
          return (
            <Typography.Title level={5} data-testid="claim-amount">
              {t('invoices.claim.amount', { amount: money(total) })}
            </Typography.Title>
          );
        }}
      </Form.Item>
      <Form.Item name="note" label={t('invoices.claim.note')}>
        <Input.TextArea maxLength={500} rows={2} data-testid="claim-note" />
      </Form.Item>
    </FormModal>
  );
}
