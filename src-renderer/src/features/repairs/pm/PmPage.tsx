import { Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { PlansTab } from './PlansTab';
import { ReadingsTab } from './ReadingsTab';
import { ScheduleTab } from './ScheduleTab';

/** Preventive maintenance: the schedule (what is due, what is overdue), the plans, and the meter readings. */
export function PmPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState('schedule');
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 0 }}>
        {t('repairs.pm.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'schedule', label: t('repairs.pm.schedule'), children: <ScheduleTab /> },
          { key: 'plans', label: t('repairs.pm.plans'), children: <PlansTab /> },
          { key: 'readings', label: t('repairs.pm.readings'), children: <ReadingsTab /> },
        ]}
        data-testid="pm-tabs"
      />
    </div>
  );
}
