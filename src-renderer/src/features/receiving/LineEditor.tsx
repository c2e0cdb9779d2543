import { Alert, Button, Input, InputNumber, Segmented, Select, Space, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../src-shared/api';
import { useI18n } from '../../lib/i18n';
import type { LineDraft, LiveWeight, PostProblems } from './line-draft';

type PickerItem = MethodOutput<'ops.pickers'>['items'][number];

const label = (text: string) => (
  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 6 }}>
    {text}
  </Typography.Text>
);

/**
 * The line being received. Enter in any field posts it; a weighed line needs
 * a stable reading (the post button says so while the scale moves).
 */
export function LineEditor(props: {
  draft: LineDraft;
  setDraft(d: LineDraft): void;
  items: PickerItem[];
  item: PickerItem | undefined;
  itemName: string;
  onPickItem(id: string): void;
  weightPanel: ReactNode;
  live: LiveWeight | null;
  rejectReasons: { code: string; nameZh: string; nameEn: string }[];
  problems: PostProblems | null;
  override: string;
  setOverride(v: string): void;
  posting: boolean;
  onPost(confirm: boolean): void;
}) {
  const { t, locale } = useI18n();
  const { draft: d, item } = props;
  const set = (patch: Partial<LineDraft>) => props.setDraft({ ...d, ...patch });
  const zh = locale === 'zh-CN';
  // Built once per item list and language, not on each of the scale's ten readings a second.
  const itemOptions = useMemo(
    () => props.items.map((i) => ({ value: i.id, label: `${i.code} ${zh ? i.nameZh : i.nameEn}` })),
    [props.items, zh],
  );
  const weighing = d.mode === 'weigh' && item?.baseUnit === 'g' && props.weightPanel !== null;
  const waiting = weighing && !(props.live && props.live.stable && props.live.gross > props.live.tare);
  const onEnter = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && !props.posting && !waiting && item) {
      e.preventDefault();
      props.onPost(false);
    }
  };

  return (
    <div onKeyDown={onEnter}>
      <Select
        showSearch
        style={{ width: '100%' }}
        placeholder={t('receiving.pickItem')}
        value={d.itemId ?? undefined}
        onChange={(v: string) => props.onPickItem(v)}
        optionFilterProp="label"
        data-testid="line-item"
        options={itemOptions}
      />
      {item && (
        <>
          <Typography.Title level={5} style={{ margin: '8px 0 4px' }} data-testid="line-item-name">
            {props.itemName}
          </Typography.Title>
          {item.baseUnit === 'g' && props.weightPanel !== null && (
            <Segmented
              size="small"
              value={d.mode}
              onChange={(v) => set({ mode: v as LineDraft['mode'] })}
              options={[
                { value: 'weigh', label: t('receiving.modeWeigh') },
                { value: 'type', label: t('receiving.modeType') },
              ]}
              data-testid="line-mode"
            />
          )}
          {weighing ? (
            <div style={{ marginTop: 8 }}>{props.weightPanel}</div>
          ) : (
            <>
              {label(t('receiving.qty'))}
              <Space.Compact style={{ width: '100%' }}>
                <Input
                  value={d.qty}
                  onChange={(e) => set({ qty: e.target.value })}
                  inputMode="decimal"
                  data-testid="line-qty"
                  autoFocus
                />
                <Select
                  style={{ width: 120 }}
                  value={d.unit || undefined}
                  onChange={(u: string) => set({ unit: u })}
                  data-testid="line-unit"
                  options={[...new Set([item.baseUnit, ...item.units.map((u) => u.unit)])].map((u) => ({
                    value: u,
                    label: u,
                  }))}
                />
              </Space.Compact>
            </>
          )}
          <Space style={{ width: '100%' }} align="start" wrap>
            <div>
              {label(t('receiving.lot'))}
              <Input
                value={d.lot}
                onChange={(e) => set({ lot: e.target.value })}
                data-testid="line-lot"
                style={{ width: 150 }}
              />
            </div>
            <div>
              {label(
                item.shelfLifeDays ? t('receiving.expiryDefault', { days: item.shelfLifeDays }) : t('receiving.expiry'),
              )}
              <Input
                type="date"
                value={d.expiry}
                onChange={(e) => set({ expiry: e.target.value })}
                data-testid="line-expiry"
                style={{ width: 150 }}
              />
            </div>
            <div>
              {label(t('receiving.temperature'))}
              <Input
                value={d.temperature}
                onChange={(e) => set({ temperature: e.target.value })}
                suffix="°C"
                inputMode="decimal"
                data-testid="line-temp"
                style={{ width: 100 }}
              />
            </div>
          </Space>
          <Space style={{ width: '100%' }} align="start" wrap>
            <div>
              {label(t('receiving.reject'))}
              <Space.Compact>
                <Input
                  value={d.rejectQty}
                  onChange={(e) => set({ rejectQty: e.target.value })}
                  style={{ width: 90 }}
                  data-testid="line-reject-qty"
                  suffix={weighing ? 'kg' : d.unit}
                />
                <Select
                  style={{ width: 150 }}
                  allowClear
                  placeholder={t('receiving.rejectReason')}
                  value={d.rejectReason || undefined}
                  onChange={(v?: string) => set({ rejectReason: v ?? '' })}
                  data-testid="line-reject-reason"
                  options={props.rejectReasons.map((r) => ({ value: r.code, label: zh ? r.nameZh : r.nameEn }))}
                />
              </Space.Compact>
            </div>
            <div>
              {label(t('receiving.priceOverride', { unit: weighing ? 'kg' : d.unit }))}
              <InputNumber
                value={d.price === '' ? null : d.price}
                onChange={(v) => set({ price: v === null ? '' : String(v) })}
                stringMode
                min="0"
                style={{ width: 120 }}
                data-testid="line-price"
                placeholder={t('receiving.pricePo')}
              />
            </div>
          </Space>
          {props.problems && (
            <Alert
              style={{ marginTop: 10 }}
              type="warning"
              showIcon
              data-testid="line-problems"
              title={props.problems.messages.map((m) => (
                <div key={m}>{m}</div>
              ))}
              description={
                props.problems.needsOverride && (
                  <Input
                    placeholder={t('receiving.overrideReason')}
                    value={props.override}
                    onChange={(e) => props.setOverride(e.target.value)}
                    data-testid="line-override"
                  />
                )
              }
            />
          )}
          <Space style={{ marginTop: 12 }}>
            <Button
              type="primary"
              size="large"
              loading={props.posting}
              disabled={waiting}
              onClick={() => props.onPost(false)}
              data-testid="line-post"
            >
              {waiting ? t('receiving.waitStable') : t('receiving.post')}
            </Button>
            {props.problems?.needsConfirm && (
              <Button size="large" danger onClick={() => props.onPost(true)} data-testid="line-confirm-post">
                {t('receiving.confirmPost')}
              </Button>
            )}
          </Space>
        </>
      )}
    </div>
  );
}
