import { PlusOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { App, Button, Form, Input, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { hqApi } from '../../../src-shared/hq-api';
import type { RegionDto } from '../../../src-shared/hq-api/methods/regions';
import { DataGrid } from '../../../src-renderer/src/components/DataGrid';
import { FormModal } from '../../../src-renderer/src/components/FormModal';
import { showApiError } from '../../../src-renderer/src/lib/form-errors';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useMutation, useQuery } from '../lib/query';
import { useSession } from '../lib/session';

type Editing = { region: RegionDto | null } | null;

/** The chain's regions: a store belongs to one, a regional HQ user sees its stores. */
export function RegionsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { modal, message } = App.useApp();
  const q = useQuery('regions.list', {});
  const remove = useMutation('regions.delete');
  const [editing, setEditing] = useState<Editing>(null);
  const writer = can(hqApi['regions.save'].access);
  const columns = useMemo<ColDef<RegionDto>[]>(
    () => [
      { field: 'code', headerName: t('hq.regions.f.code'), width: 120, pinned: 'left' },
      { field: 'nameZh', headerName: t('hq.regions.f.nameZh'), flex: 1, minWidth: 140 },
      { field: 'nameEn', headerName: t('hq.regions.f.nameEn'), flex: 1, minWidth: 140 },
      { field: 'stores', headerName: t('hq.regions.f.stores'), width: 100, type: 'rightAligned' },
      ...(writer
        ? [
            {
              colId: 'actions',
              headerName: t('common.actions'),
              width: 160,
              sortable: false,
              filter: false,
              cellRenderer: (p: ICellRendererParams<RegionDto>) =>
                p.data && (
                  <Space size={4}>
                    <Button
                      size="small"
                      type="link"
                      onClick={() => setEditing({ region: p.data! })}
                      data-testid={`region-edit-${p.data.code}`}
                    >
                      {t('common.edit')}
                    </Button>
                    <Button
                      size="small"
                      type="link"
                      danger
                      disabled={p.data.stores > 0}
                      onClick={() =>
                        modal.confirm({
                          title: t('hq.regions.deleteConfirm', { code: p.data!.code }),
                          okText: t('hq.regions.delete'),
                          cancelText: t('common.cancel'),
                          okButtonProps: { danger: true },
                          onOk: () =>
                            remove.mutate({ id: p.data!.id }).catch((err: unknown) => showApiError(err, message)),
                        })
                      }
                    >
                      {t('hq.regions.delete')}
                    </Button>
                  </Space>
                ),
            } satisfies ColDef<RegionDto>,
          ]
        : []),
    ],
    [t, writer, modal, message, remove],
  );
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('hq.regions.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('hq.regions.help')}</Typography.Paragraph>
      <DataGrid<RegionDto>
        gridId="hq-regions"
        rows={q.data}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => r.id}
        exportName="regions"
        toolbar={
          writer && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ region: null })}
              data-testid="region-add"
            >
              {t('hq.regions.add')}
            </Button>
          )
        }
        height="calc(100vh - 250px)"
      />
      <RegionModal editing={editing} onClose={() => setEditing(null)} />
    </div>
  );
}

function RegionModal({ editing, onClose }: { editing: Editing; onClose(): void }) {
  const { t } = useI18n();
  const save = useMutation('regions.save');
  const required = [{ required: true, message: t('validation.required') }];
  const r = editing?.region;
  return (
    <FormModal<{ code: string; nameZh: string; nameEn: string }>
      open={!!editing}
      title={r ? t('hq.regions.edit', { code: r.code }) : t('hq.regions.add')}
      initialValues={r ?? undefined}
      onSubmit={async (v) => {
        await save.mutate({ ...v, id: r?.id });
        return t('hq.regions.saved', { code: v.code });
      }}
      onClose={onClose}
      testId="region-form"
      okTestId="region-save"
    >
      <Form.Item name="code" label={t('hq.regions.f.code')} rules={required}>
        <Input maxLength={40} data-testid="region-code" />
      </Form.Item>
      <Form.Item name="nameZh" label={t('hq.regions.f.nameZh')} rules={required}>
        <Input maxLength={60} data-testid="region-name-zh" />
      </Form.Item>
      <Form.Item name="nameEn" label={t('hq.regions.f.nameEn')} rules={required}>
        <Input maxLength={60} data-testid="region-name-en" />
      </Form.Item>
    </FormModal>
  );
}
