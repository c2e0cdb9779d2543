import { PoweroffOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { Ref } from 'react';
import { useI18n } from '../../../lib/i18n';

/** "The equipment is down": one large toggle (a switch is too small to hit in a hurry). */
export function DownToggle(props: { value?: boolean; onChange?: (v: boolean) => void; ref?: Ref<HTMLButtonElement> }) {
  const { t } = useI18n();
  const down = !!props.value;
  return (
    <Button
      ref={props.ref}
      size="large"
      danger={down}
      type={down ? 'primary' : 'default'}
      icon={<PoweroffOutlined />}
      aria-pressed={down}
      onClick={() => props.onChange?.(!down)}
      style={{ minHeight: 48 }}
      data-testid="report-down"
    >
      {down ? t('repairs.report.isDown') : t('repairs.report.markDown')}
    </Button>
  );
}
