import { Form, Input } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { hqApi } from '../../../src-shared/hq-api';
import type { HqLayoutDto } from '../../../src-shared/hq-api/methods/master-data';
import { FormModal } from '../../../src-renderer/src/components/FormModal';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useMutation, useQuery } from '../lib/query';
import { useSession } from '../lib/session';
import { MasterGrid } from './MasterGrid';

type Values = Omit<HqLayoutDto, 'id'>;

const pretty = (json: string) => {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
};

/** Label layouts the stores print with; HQ checks one exactly as a store's printer code would. */
export function LayoutsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const q = useQuery('master.layouts.list', {});
  const save = useMutation('master.layouts.save');
  const [editing, setEditing] = useState<{ row: HqLayoutDto | null } | null>(null);
  const columns = useMemo(
    () => [
      { field: 'name' as const, headerName: t('hqm.f.name'), flex: 1 },
      {
        colId: 'size',
        headerName: 'mm',
        width: 120,
        valueGetter: (p: { data?: HqLayoutDto }) => {
          try {
            const d = JSON.parse(p.data?.definition ?? '') as { widthMm: number; heightMm: number };
            return `${d.widthMm} × ${d.heightMm}`;
          } catch {
            return '';
          }
        },
      },
    ],
    [t],
  );
  const required = [{ required: true, message: t('validation.required') }];
  const r = editing?.row ?? null;
  const initial = useMemo<Partial<Values>>(() => (r ? { name: r.name, definition: pretty(r.definition) } : {}), [r]);
  return (
    <>
      <MasterGrid<HqLayoutDto>
        title="hqm.nav.layouts"
        gridId="hq-layouts"
        rows={q.data}
        loading={q.loading}
        columns={columns}
        getRowId={(x) => x.id}
        canEdit={can(hqApi['master.layouts.save'].access)}
        addLabel="hqm.layouts.add"
        onAdd={() => setEditing({ row: null })}
        onEdit={useCallback((row: HqLayoutDto) => setEditing({ row }), [])}
        history={useCallback((x: HqLayoutDto) => ({ table: 'label_templates', key: { id: x.id }, name: x.name }), [])}
      />
      <FormModal<Values>
        open={editing !== null}
        title={r ? `${t('hqm.edit')} ${r.name}` : t('hqm.layouts.add')}
        initialValues={initial}
        width={720}
        onSubmit={async (v) => {
          await save.mutate({ ...v, id: r?.id });
          return t('hq.master.saved');
        }}
        onClose={() => setEditing(null)}
        testId="layout-form"
        okTestId="layout-save"
      >
        <Form.Item name="name" label={t('hqm.f.name')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="definition" label={t('hqm.f.definition')} rules={required}>
          <Input.TextArea rows={16} style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="layout-definition" />
        </Form.Item>
      </FormModal>
    </>
  );
}
