import { App, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { money } from '../../lib/money';
import { useMutation } from '../../lib/query';
import { useI18n } from '../../lib/i18n';
import { DocLines, toApiLines, type LineValues } from '../../components/DocLines';
import { showLinesError } from '../../lib/lines-error';
import { areaOptions, usePickers } from '../../lib/pickers';

interface Values {
  kind: 'issue' | 'sale' | 'area_move';
  areaId?: string;
  toAreaId?: string;
  reason?: string;
  note?: string;
  lines: LineValues[];
}

/** Issue / usage, sales depletion, or a move to another storage area. */
export function IssuePage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const p = usePickers();
  const m = useMutation('ops.issue');
  const kind = Form.useWatch('kind', form);
  const areaId = Form.useWatch('areaId', form);

  const submit = async (v: Values) => {
    try {
      const out = await m.mutate({
        kind: v.kind,
        areaId: v.areaId!,
        toAreaId: v.kind === 'area_move' ? v.toAreaId : undefined,
        lines: toApiLines(v.lines),
        reason: v.reason || undefined,
        note: v.note || undefined,
      });
      void message.success(t('ops.issue.done', { moves: out.moves, value: money(out.value) }));
      form.setFieldsValue({ lines: [{}], note: '' });
    } catch (err) {
      showLinesError(err, message, form);
    }
  };

  return (
    <div style={{ maxWidth: 980 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('ops.issue.title')}
      </Typography.Title>
      <Card size="small">
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'issue', lines: [{}] }}
          onFinish={(v) => void submit(v)}
          data-testid="issue-form"
        >
          <Space wrap align="start">
            <Form.Item name="kind" label={t('ops.form.kind')} style={{ width: 180 }}>
              <Select
                options={(['issue', 'sale', 'area_move'] as const).map((k) => ({
                  value: k,
                  label: t(`ops.form.kind.${k}`),
                }))}
                data-testid="issue-kind"
              />
            </Form.Item>
            <Form.Item
              name="areaId"
              label={t('ops.form.area')}
              rules={[{ required: true, message: t('ops.form.required') }]}
              style={{ width: 220 }}
            >
              <Select options={areaOptions(p.data?.areas, locale)} data-testid="issue-area" />
            </Form.Item>
            {kind === 'area_move' && (
              <Form.Item
                name="toAreaId"
                label={t('ops.form.toArea')}
                rules={[{ required: true, message: t('ops.form.required') }]}
                style={{ width: 220 }}
              >
                <Select options={areaOptions(p.data?.areas, locale)} data-testid="issue-to-area" />
              </Form.Item>
            )}
            <Form.Item name="reason" label={t('ops.form.reason')} style={{ width: 200 }}>
              <Input maxLength={40} />
            </Form.Item>
          </Space>
          {p.data && <DocLines pickers={p.data} areaId={areaId} />}
          <Form.Item name="note" label={t('ops.form.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={m.pending} data-testid="issue-submit">
            {t('ops.form.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
