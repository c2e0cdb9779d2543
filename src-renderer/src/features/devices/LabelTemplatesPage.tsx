import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  ConfigProvider,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import {
  BARCODE_SYMBOLOGIES,
  LABEL_FIELDS,
  LabelTemplateSchema,
  type LabelElement,
  type LabelTemplate,
} from '../../../../src-shared/labels/template';
import type { MessageKey } from '../../../../src-shared/i18n';
import { useSession } from '../../app/session';
import { HqOwnedNote } from '../../components/HqOwnedNote';
import { call } from '../../lib/api';
import { showApiError } from '../../lib/form-errors';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { useHqOwned } from '../../lib/use-hq-owned';

type Row = { id: string; name: string; definition: LabelTemplate; isDefault: boolean };

const num = (v: number | null, fallback: number) => (v === null ? fallback : v);

/** The editable numbers of an element, by type (mm). */
function sizeKey(e: LabelElement): 'size' | 'heightMm' {
  return e.type === 'text' ? 'size' : 'heightMm';
}

/**
 * Label templates: the elements in millimetres on the left, the label as the
 * printer will print it on the right (rendered by the server from the same
 * layout the TSPL and ZPL jobs are generated from), updated as you type.
 */
export function LabelTemplatesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { session } = useSession();
  const canEdit = session.user?.role === 'admin' || session.user?.role === 'manager';
  // Once enrolled, the layouts are HQ's: shown as they print, not editable. The default stays the store's choice.
  const hq = useHqOwned();
  const locked = hq !== null;
  const templates = useQuery('labels.templates', {});
  const [selected, setSelected] = useState<string | null>(null);
  const [draft, setDraft] = useState<Row | null>(null);
  const [preview, setPreview] = useState<{ svg: string; problems: string[] } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const list = templates.data;
    if (!list?.length) return;
    const row = list.find((r) => r.id === selected) ?? list[0]!;
    setSelected(row.id);
    setDraft(structuredClone(row));
  }, [templates.data, selected]);

  const valid = useMemo(() => (draft ? LabelTemplateSchema.safeParse(draft.definition) : null), [draft]);

  useEffect(() => {
    if (!draft || !valid?.success) return;
    let alive = true;
    const timer = window.setTimeout(() => {
      call('labels.preview', { definition: draft.definition })
        .then((p) => alive && setPreview(p))
        .catch(() => undefined);
    }, 150);
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [draft, valid]);

  if (!draft) return <Typography.Text type="secondary">{t('app.loading')}</Typography.Text>;
  const def = draft.definition;
  const setDef = (patch: Partial<LabelTemplate>) => setDraft({ ...draft, definition: { ...def, ...patch } });
  const setEl = (i: number, patch: Partial<LabelElement>) =>
    setDef({ elements: def.elements.map((e, j) => (j === i ? ({ ...e, ...patch } as LabelElement) : e)) });
  const fieldOptions = LABEL_FIELDS.map((f) => ({ value: f, label: t(`labels.field.${f}` as MessageKey) }));

  const save = async () => {
    setSaving(true);
    try {
      const saved = await call('labels.saveTemplate', {
        id: draft.id,
        name: draft.name,
        definition: def,
        isDefault: draft.isDefault,
      });
      setSelected(saved.id);
      void message.success(t('common.saved'));
    } catch (err) {
      showApiError(err, message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('labels.title')}
      </Typography.Title>
      {locked && <HqOwnedNote hq={hq} detail={t('sync.hqOwned.labels')} />}
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          style={{ width: 280 }}
          value={selected}
          onChange={setSelected}
          options={(templates.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
          data-testid="template-select"
        />
        <Input
          style={{ width: 240 }}
          value={draft.name}
          disabled={locked}
          data-testid="template-name"
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          addonBefore={t('labels.name')}
        />
        <InputNumber
          addonBefore={t('labels.width')}
          addonAfter="mm"
          value={def.widthMm}
          disabled={locked}
          min={10}
          max={200}
          onChange={(v) => setDef({ widthMm: num(v, def.widthMm) })}
        />
        <InputNumber
          addonBefore={t('labels.height')}
          addonAfter="mm"
          value={def.heightMm}
          disabled={locked}
          min={5}
          max={300}
          onChange={(v) => setDef({ heightMm: num(v, def.heightMm) })}
        />
        <Select
          value={def.dpi}
          disabled={locked}
          onChange={(v) => setDef({ dpi: v })}
          options={[203, 300].map((d) => ({ value: d, label: `${d} dpi` }))}
        />
        <Checkbox
          checked={draft.isDefault}
          onChange={(e) => setDraft({ ...draft, isDefault: e.target.checked })}
          data-testid="template-default"
        >
          {t('labels.default')}
        </Checkbox>
        {canEdit && (
          <Button
            type="primary"
            loading={saving}
            disabled={!valid?.success}
            onClick={() => void save()}
            data-testid="template-save"
          >
            {t('common.save')}
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="template-currency-hint">
        {t('labels.currencyHint')}
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <ConfigProvider componentDisabled={locked}>
            <Table<LabelElement & { key: number }>
              size="small"
              pagination={false}
              dataSource={def.elements.map((e, key) => ({ ...e, key }))}
              scroll={{ x: 760 }}
              columns={[
                {
                  title: t('labels.el.type'),
                  width: 110,
                  render: (_, e) => t(`labels.type.${e.type}`),
                },
                {
                  title: t('labels.el.content'),
                  width: 250,
                  render: (_, e) =>
                    e.type === 'text' ? (
                      <Space.Compact style={{ width: '100%' }}>
                        <Select
                          style={{ width: 130 }}
                          allowClear
                          placeholder={t('labels.literal')}
                          value={e.field}
                          options={fieldOptions}
                          onChange={(f) =>
                            setEl(
                              e.key,
                              f ? { field: f, literal: undefined } : { field: undefined, literal: e.literal ?? '' },
                            )
                          }
                        />
                        <Input
                          value={e.field ? (e.prefix ?? '') : (e.literal ?? '')}
                          placeholder={e.field ? t('labels.prefix') : t('labels.literal')}
                          onChange={(v) =>
                            setEl(e.key, e.field ? { prefix: v.target.value } : { literal: v.target.value })
                          }
                        />
                      </Space.Compact>
                    ) : e.type === 'barcode' ? (
                      <Space.Compact>
                        <Select
                          style={{ width: 110 }}
                          value={e.symbology}
                          options={BARCODE_SYMBOLOGIES.map((s) => ({ value: s, label: s.toUpperCase() }))}
                          onChange={(s) => setEl(e.key, { symbology: s })}
                        />
                        <Select
                          style={{ width: 130 }}
                          value={e.field}
                          options={fieldOptions}
                          onChange={(f) => setEl(e.key, { field: f })}
                        />
                      </Space.Compact>
                    ) : (
                      '—'
                    ),
                },
                ...(['x', 'y'] as const).map((k) => ({
                  title: `${k} (mm)`,
                  width: 80,
                  render: (_: unknown, e: LabelElement & { key: number }) => (
                    <InputNumber
                      size="small"
                      min={0}
                      step={0.5}
                      value={e[k]}
                      onChange={(v) => setEl(e.key, { [k]: num(v, e[k]) })}
                    />
                  ),
                })),
                {
                  title: t('labels.el.size'),
                  width: 80,
                  render: (_, e) => {
                    const k = sizeKey(e);
                    const v = (e as Record<string, unknown>)[k] as number;
                    return (
                      <InputNumber
                        size="small"
                        min={0.5}
                        step={0.5}
                        value={v}
                        onChange={(n) => setEl(e.key, { [k]: num(n, v) } as Partial<LabelElement>)}
                      />
                    );
                  },
                },
                {
                  title: '',
                  width: 50,
                  render: (_, e) => (
                    <Button
                      size="small"
                      icon={<DeleteOutlined />}
                      aria-label={t('labels.removeElement')}
                      onClick={() => setDef({ elements: def.elements.filter((_x, j) => j !== e.key) })}
                    />
                  ),
                },
              ]}
            />
          </ConfigProvider>
          {!locked && (
            <Space style={{ marginTop: 8 }}>
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  setDef({ elements: [...def.elements, { type: 'text', x: 1, y: 1, size: 2, field: 'nameZh' }] })
                }
              >
                {t('labels.addText')}
              </Button>
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  setDef({
                    elements: [
                      ...def.elements,
                      {
                        type: 'barcode',
                        x: 1,
                        y: 1,
                        heightMm: 8,
                        symbology: 'code128',
                        field: 'itemCode',
                        humanReadable: true,
                      },
                    ],
                  })
                }
              >
                {t('labels.addBarcode')}
              </Button>
            </Space>
          )}
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('labels.preview')}>
            {valid && !valid.success && (
              <Alert
                type="error"
                showIcon
                title={t('labels.invalid')}
                description={valid.error.issues.map((i) => i.message).join('; ')}
              />
            )}
            {preview && (
              <div
                data-testid="label-preview"
                style={{ border: '1px solid #d9d9d9', background: '#fff', display: 'inline-block', lineHeight: 0 }}
                // The SVG comes from our own renderer (labels.preview), not from user HTML.
                dangerouslySetInnerHTML={{
                  __html: preview.svg.replace('<svg ', '<svg style="width:100%;max-width:480px;height:auto" '),
                }}
              />
            )}
            {preview?.problems.map((p) => (
              <Alert key={p} type="warning" showIcon style={{ marginTop: 8 }} title={p} />
            ))}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
