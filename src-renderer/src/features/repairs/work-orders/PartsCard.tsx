import { PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { MethodOutput } from '../../../../../src-shared/api';
import { formatQty } from '../../../../../src-shared/quantity';
import { isActiveState } from '../../../../../src-shared/repairs/workflow';
import { useSession } from '../../../app/session';
import { call } from '../../../lib/api';
import { formatStoreTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { money } from '../../../lib/money';
import { DocLines, toApiLines, type LineValues } from '../../../components/DocLines';
import { showLinesError } from '../../../lib/lines-error';
import { areaOptions, usePickers, type Pickers } from '../../../lib/pickers';
import { localName, PART_TAKERS, WORKERS } from '../repair-format';
import { useMaybeQuery } from '../use-maybe-query';
import { VoidModal } from './reversal';

type Detail = MethodOutput<'repairs.get'>;
type Part = Detail['parts'][number];

/** Spare parts taken from store stock for this work order (maintenance issues in the ledger), and their returns. */
export function PartsCard({ wo }: { wo: Detail }) {
  const { t, locale } = useI18n();
  const { session, can } = useSession();
  const [adding, setAdding] = useState(false);
  const [returning, setReturning] = useState<Part | null>(null);
  const tz = session.store?.timezone;
  // Clerks hand parts out while the work is going on; the maintenance side may correct them until the close.
  const mayTake = can(PART_TAKERS) && wo.canAddCosts && (can(WORKERS) || isActiveState(wo.status));
  return (
    <Card
      size="small"
      title={t('repairs.detail.parts')}
      extra={
        mayTake && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="wo-use-parts">
            {t('repairs.parts.use')}
          </Button>
        )
      }
      data-testid="wo-parts"
    >
      <Table<Part>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={wo.parts}
        locale={{ emptyText: t('repairs.parts.none') }}
        columns={[
          { title: t('repairs.parts.item'), render: (_, p) => `${p.itemCode} ${localName(p, locale)}` },
          { title: t('repairs.parts.areaShort'), dataIndex: 'areaCode', width: 80 },
          {
            title: t('repairs.parts.qty'),
            align: 'right',
            width: 80,
            render: (_, p) => `${formatQty(p.qty)} ${p.baseUnit}`,
          },
          { title: t('repairs.parts.cost'), align: 'right', width: 80, render: (_, p) => money(p.cost) },
          {
            title: t('repairs.parts.by'),
            width: 150,
            // The year is the work order's; month, day and time are enough here.
            render: (_, p) => `${p.userName ?? ''} ${formatStoreTime(p.at, tz).slice(5)}`,
          },
          {
            title: '',
            width: 100,
            render: (_, p) =>
              p.reversesId ? (
                <Tag>{t('repairs.parts.returnLine')}</Tag>
              ) : p.returned ? (
                <Tag color="orange">{t('repairs.parts.returned')}</Tag>
              ) : mayTake ? (
                <Button
                  size="small"
                  icon={<RollbackOutlined />}
                  onClick={() => setReturning(p)}
                  data-testid={`part-return-${p.itemCode}`}
                >
                  {t('repairs.parts.return')}
                </Button>
              ) : null,
          },
        ]}
      />
      <UsePartsModal wo={wo} open={adding} onClose={() => setAdding(false)} />
      <VoidModal
        open={returning !== null}
        title={t('repairs.parts.returnTitle', {
          item: returning ? `${returning.itemCode} ${localName(returning, locale)}` : '',
        })}
        okText={t('repairs.parts.return')}
        doneText={t('repairs.parts.returnedDone')}
        onVoid={(note) => call('repairs.returnPart', { partId: returning!.id, note })}
        onClose={() => setReturning(null)}
      />
    </Card>
  );
}

interface PartValues {
  areaId?: string;
  note?: string;
  lines: LineValues[];
}

/**
 * Items and quantities taken from one storage area. The item list puts what
 * the area has in stock first, with the quantity on hand, so the technician
 * sees at once whether the part is there.
 */
function UsePartsModal({ wo, open, onClose }: { wo: Detail; open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PartValues>();
  const [pending, setPending] = useState(false);
  const p = usePickers();
  const areaId = Form.useWatch('areaId', form);
  const stock = useMaybeQuery('stock.onHand', open && areaId ? { areaId } : null);

  const pickers = useMemo<Pickers | undefined>(() => {
    if (!p.data) return undefined;
    const onHand = new Map<string, number>();
    for (const r of stock.data ?? []) onHand.set(r.itemId, (onHand.get(r.itemId) ?? 0) + r.qty);
    const withStock = (i: Pickers['items'][number]) => {
      const q = onHand.get(i.id);
      if (!q) return i;
      const note = ` · ${t('repairs.parts.onHand', { qty: `${formatQty(q)} ${i.baseUnit}` })}`;
      return { ...i, nameZh: i.nameZh + note, nameEn: i.nameEn + note };
    };
    const items = [...p.data.items].sort((a, b) => Number(!onHand.get(a.id)) - Number(!onHand.get(b.id)));
    return { ...p.data, items: items.map(withStock) };
  }, [p.data, stock.data, t]);

  const submit = async () => {
    let v: PartValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setPending(true);
    try {
      await call('repairs.useParts', {
        id: wo.id,
        areaId: v.areaId!,
        lines: toApiLines(v.lines),
        note: v.note || undefined,
      });
      void message.success(t('repairs.parts.used', { number: wo.number }));
      onClose();
    } catch (err) {
      showLinesError(err, message, form);
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('repairs.parts.useTitle', { number: wo.number })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('repairs.parts.use')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      okButtonProps={{ 'data-testid': 'parts-ok' } as Record<string, string>}
      width={760}
      destroyOnHidden
    >
      <Form<PartValues>
        form={form}
        layout="vertical"
        initialValues={{ lines: [{}] }}
        preserve={false}
        data-testid="parts-form"
      >
        <Form.Item
          name="areaId"
          label={t('repairs.parts.area')}
          rules={[{ required: true, message: t('validation.required') }]}
          style={{ width: 260 }}
        >
          <Select options={areaOptions(p.data?.areas, locale)} data-testid="parts-area" />
        </Form.Item>
        {pickers && <DocLines pickers={pickers} areaId={areaId} />}
        <Form.Item name="note" label={t('repairs.f.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
