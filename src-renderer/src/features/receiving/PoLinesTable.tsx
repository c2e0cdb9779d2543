import { Table, Typography } from 'antd';
import type { MethodOutput } from '../../../../src-shared/api';
import { formatScaled } from '../../../../src-shared/quantity';
import { memo } from 'react';
import { useI18n } from '../../lib/i18n';

type PoLine = MethodOutput<'receipts.get'>['poLines'][number];

/** Quantity in the order's pack unit (3 箱), the way the delivery note reads. */
function packs(qty: number, l: PoLine): string {
  return `${formatScaled(Math.round((qty * 1000) / l.packQty), 1000)} ${l.packUnit}`;
}

/** The order's lines: what was ordered, what came, what is still open; click one to receive it. */
export const PoLinesTable = memo(function PoLinesTable(props: {
  lines: PoLine[];
  selected: string | null;
  onPick(l: PoLine): void;
}) {
  const { t, locale } = useI18n();
  return (
    <Table<PoLine>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={props.lines}
      data-testid="po-lines"
      rowClassName={(l) => (l.id === props.selected ? 'ant-table-row-selected' : '')}
      onRow={(l) => ({ onClick: () => props.onPick(l), style: { cursor: 'pointer' } })}
      columns={[
        { title: '#', dataIndex: 'lineNo', width: 40 },
        {
          title: t('receiving.item'),
          render: (_, l) => (
            <span>
              {l.itemCode} {locale === 'zh-CN' ? l.nameZh : l.nameEn}
            </span>
          ),
        },
        { title: t('receiving.ordered'), render: (_, l) => packs(l.qtyOrdered, l) },
        { title: t('receiving.received'), render: (_, l) => packs(l.qtyReceived, l) },
        {
          title: t('receiving.open'),
          render: (_, l) => (
            <Typography.Text type={l.qtyOpen > 0 ? undefined : 'success'} strong={l.qtyOpen > 0}>
              {packs(l.qtyOpen, l)}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
});
