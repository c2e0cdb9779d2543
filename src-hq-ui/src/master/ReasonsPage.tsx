import { Checkbox, Form, Input, Select } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { hqApi } from '../../../src-shared/hq-api';
import type { HqReasonDto } from '../../../src-shared/hq-api/methods/master-data';
import type { MessageKey } from '../../../src-shared/i18n';
import { FormModal } from '../../../src-renderer/src/components/FormModal';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useMutation, useQuery } from '../lib/query';
import { useSession } from '../lib/session';
import { activeColumn, MasterGrid } from './MasterGrid';

const KINDS = ['waste', 'adjustment', 'repair_fix', 'repair_cause'] as const;

/** Reason codes for waste, adjustments and repairs; a code in use is deactivated, not deleted. */
export function ReasonsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const q = useQuery('master.reasons.list', {});
  const save = useMutation('master.reasons.save');
  const [editing, setEditing] = useState<{ row: HqReasonDto | null } | null>(null);
  const kindName = useCallback(
    (k: string) => ((KINDS as readonly string[]).includes(k) ? t(`hqm.kind.${k}` as MessageKey) : k),
    [t],
  );
  const columns = useMemo(
    () => [
      {
        colId: 'kind',
        headerName: t('hqm.f.kind'),
        width: 160,
        valueGetter: (p: { data?: HqReasonDto }) => p.data && kindName(p.data.kind),
      },
      { field: 'code' as const, headerName: t('hqm.f.code'), width: 140 },
      { field: 'nameZh' as const, headerName: t('hqm.f.nameZh'), flex: 1 },
      { field: 'nameEn' as const, headerName: t('hqm.f.nameEn'), flex: 1 },
      activeColumn<HqReasonDto>(t),
    ],
    [t, kindName],
  );
  const required = [{ required: true, message: t('validation.required') }];
  const r = editing?.row ?? null;
  const initial = useMemo(() => r ?? { kind: 'waste', active: true }, [r]);
  return (
    <>
      <MasterGrid<HqReasonDto>
        title="hqm.nav.reasons"
        gridId="hq-reasons"
        rows={q.data}
        loading={q.loading}
        columns={columns}
        getRowId={(x) => `${x.kind}/${x.code}`}
        canEdit={can(hqApi['master.reasons.save'].access)}
        addLabel="hqm.reasons.add"
        onAdd={() => setEditing({ row: null })}
        onEdit={useCallback((row: HqReasonDto) => setEditing({ row }), [])}
        history={useCallback(
          (x: HqReasonDto) => ({ table: 'reason_codes', key: { kind: x.kind, code: x.code }, name: x.code }),
          [],
        )}
      />
      <FormModal<HqReasonDto>
        open={editing !== null}
        title={r ? `${t('hqm.edit')} ${r.code}` : t('hqm.reasons.add')}
        initialValues={initial}
        onSubmit={async (v) => {
          await save.mutate({ ...v, create: !r });
          return t('hq.master.saved');
        }}
        onClose={() => setEditing(null)}
        testId="reason-form"
        okTestId="reason-save"
      >
        <Form.Item name="kind" label={t('hqm.f.kind')} rules={required}>
          <Select disabled={!!r} options={KINDS.map((k) => ({ value: k, label: kindName(k) }))} />
        </Form.Item>
        <Form.Item name="code" label={t('hqm.f.code')} rules={required}>
          <Input maxLength={40} disabled={!!r} />
        </Form.Item>
        <Form.Item name="nameZh" label={t('hqm.f.nameZh')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('hqm.f.nameEn')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="active" valuePropName="checked" noStyle>
          <Checkbox>{t('hqm.f.active')}</Checkbox>
        </Form.Item>
      </FormModal>
    </>
  );
}
