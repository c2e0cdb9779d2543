import { Card, Descriptions } from 'antd';
import type { MethodOutput } from '../../../../../src-shared/api';
import { useI18n } from '../../../lib/i18n';
import { money } from '../../../lib/money';
import { durationText } from '../repair-format';

type Costs = MethodOutput<'repairs.get'>['costs'];

/** Parts at ledger cost, labour at the technicians' rates, vendor invoices: what this repair cost. */
export function CostsCard({ costs, title }: { costs: Costs; title?: string }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={title ?? t('repairs.detail.costs')} data-testid="wo-costs">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('repairs.col.parts')}>
          <span data-testid="cost-parts">{money(costs.parts)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('repairs.col.labour')}>
          {money(costs.labour)}
          {costs.labourMinutes > 0 && ` (${durationText(t, costs.labourMinutes)})`}
        </Descriptions.Item>
        <Descriptions.Item label={t('repairs.col.vendor')}>{money(costs.vendor)}</Descriptions.Item>
        <Descriptions.Item label={t('repairs.col.totalCost')}>
          <b data-testid="cost-total">{money(costs.total)}</b>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
