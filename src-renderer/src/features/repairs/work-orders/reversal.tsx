import { Button, Form, Input, Tag } from 'antd';
import { FormModal } from '../../../components/FormModal';
import { useI18n } from '../../../lib/i18n';

/**
 * The last cell of a labour or invoice line: the reversing line says so, a
 * reversed line says it was cancelled, any other line offers "cancel" to
 * those who may. Cost lines are never edited or deleted, only reversed.
 */
export function ReversalCell(props: {
  entry: { reversesId: string | null; voided: boolean };
  canVoid: boolean;
  onVoid(): void;
}) {
  const { t } = useI18n();
  if (props.entry.reversesId) return <Tag>{t('repairs.labour.reversal')}</Tag>;
  if (props.entry.voided) return <Tag color="orange">{t('repairs.labour.voided')}</Tag>;
  if (!props.canVoid) return null;
  return (
    <Button size="small" onClick={props.onVoid}>
      {t('repairs.labour.void')}
    </Button>
  );
}

/**
 * Asks why a cost line is cancelled or a part comes back (required, kept with
 * the reversing line) and sends it. Default wording: cancelling.
 */
export function VoidModal(props: {
  open: boolean;
  title: string;
  onVoid(note: string): Promise<unknown>;
  onClose(): void;
  okText?: string;
  doneText?: string;
}) {
  const { t } = useI18n();
  return (
    <FormModal<{ note: string }>
      open={props.open}
      title={props.title}
      okText={props.okText ?? t('repairs.labour.void')}
      onSubmit={async (v) => {
        await props.onVoid(v.note);
        return props.doneText ?? t('repairs.labour.voidedDone');
      }}
      onClose={props.onClose}
    >
      <Form.Item
        name="note"
        label={t('repairs.f.note')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
