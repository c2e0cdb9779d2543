import { App, Button, Card, Form, Input, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { money } from '../../lib/money';
import { useMutation } from '../../lib/query';
import { useI18n } from '../../lib/i18n';
import { DocLines, toApiLines, type LineValues } from '../../components/DocLines';
import { showLinesError } from '../../lib/lines-error';
import { areaOptions, usePickers } from '../../lib/pickers';

interface Values {
  areaId?: string;
  note?: string;
  lines: LineValues[];
}

function readBase64(file: File): Promise<string> {
  return new Promise((ok, fail) => {
    const r = new FileReader();
    r.onload = () => ok(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => fail(r.error);
    r.readAsDataURL(file);
  });
}

/** Waste (报损): lines with reason codes and an optional photo; the server checks the photo's bytes. */
export function WastePage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const p = usePickers();
  const m = useMutation('ops.waste');
  const areaId = Form.useWatch('areaId', form);
  const [photo, setPhoto] = useState<File | null>(null);

  const submit = async (v: Values) => {
    try {
      const out = await m.mutate({
        areaId: v.areaId!,
        lines: toApiLines(v.lines).map((l, n) => ({ ...l, reason: v.lines[n]?.reason ?? '' })),
        note: v.note || undefined,
        photo: photo ? { fileName: photo.name, dataBase64: await readBase64(photo) } : undefined,
      });
      void message.success(t('ops.waste.done', { moves: out.moves, value: money(out.value) }));
      form.setFieldsValue({ lines: [{}], note: '' });
      setPhoto(null);
    } catch (err) {
      showLinesError(err, message, form);
    }
  };

  return (
    <div style={{ maxWidth: 980 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('ops.waste.title')}
      </Typography.Title>
      <Card size="small">
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ lines: [{}] }}
          onFinish={(v) => void submit(v)}
          data-testid="waste-form"
        >
          <Form.Item
            name="areaId"
            label={t('ops.form.area')}
            rules={[{ required: true, message: t('ops.form.required') }]}
            style={{ width: 240 }}
          >
            <Select options={areaOptions(p.data?.areas, locale)} data-testid="waste-area" />
          </Form.Item>
          {p.data && <DocLines pickers={p.data} areaId={areaId} withReason />}
          <Form.Item name="photo" label={t('ops.form.photo')}>
            <Space>
              <Upload
                accept="image/png,image/jpeg"
                showUploadList={false}
                beforeUpload={(f) => {
                  setPhoto(f);
                  return false;
                }}
              >
                <Button data-testid="waste-photo">{t('ops.form.photoPick')}</Button>
              </Upload>
              {photo && (
                <>
                  <Typography.Text>{photo.name}</Typography.Text>
                  <Button type="link" onClick={() => setPhoto(null)}>
                    {t('ops.form.photoClear')}
                  </Button>
                </>
              )}
            </Space>
          </Form.Item>
          <Form.Item name="note" label={t('ops.form.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={m.pending} data-testid="waste-submit">
            {t('ops.form.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
