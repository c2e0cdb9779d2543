import { Button, Typography } from 'antd';
import { Fragment, type Ref } from 'react';
import type { MethodOutput } from '../../../../../src-shared/api';
import { useI18n } from '../../../lib/i18n';
import { localName } from '../repair-format';

type FaultCode = MethodOutput<'repairs.pickers'>['faultCodes'][number];

/**
 * The fault codes of one equipment category as big buttons, a row per group
 * (its symptoms; a group without symptoms is a button itself). One tap picks
 * the fault: no dropdown to open on a tablet or a shared kitchen PC.
 */
export function FaultPicker(props: {
  codes: FaultCode[];
  value?: string | null;
  onChange?: (code: string) => void;
  ref?: Ref<HTMLDivElement>;
}) {
  const { locale } = useI18n();
  const groups = props.codes.filter((c) => c.parentCode === null);
  const symptoms = (group: string) => props.codes.filter((c) => c.parentCode === group);
  const button = (c: FaultCode) => (
    <Button
      key={c.code}
      size="large"
      type={props.value === c.code ? 'primary' : 'default'}
      aria-pressed={props.value === c.code}
      onClick={() => props.onChange?.(c.code)}
      style={{ minWidth: 140, height: 'auto', minHeight: 44, whiteSpace: 'normal', textAlign: 'center' }}
      data-testid={`fault-${c.code}`}
    >
      {localName(c, locale)}
    </Button>
  );
  return (
    <div
      ref={props.ref}
      data-testid="fault-picker"
      style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '8px 12px', alignItems: 'center' }}
    >
      {groups.map((g) => {
        const list = symptoms(g.code);
        return (
          <Fragment key={g.code}>
            <Typography.Text type="secondary">{localName(g, locale)}</Typography.Text>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
              {list.length ? list.map(button) : button(g)}
            </div>
          </Fragment>
        );
      })}
    </div>
  );
}
