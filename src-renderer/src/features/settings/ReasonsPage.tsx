import { PlusOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Alert, App, Button, Form, Input, Space, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { MethodOutput } from '../../../../src-shared/api';
import { hasMessage } from '../../lib/catalog';
import { useSession } from '../../app/session';
import { DataGrid } from '../../components/DataGrid';
import { HqOwnedNote } from '../../components/HqOwnedNote';
import { FormModal } from '../../components/FormModal';
import { call } from '../../lib/api';
import { showApiError } from '../../lib/form-errors';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { useHqOwned } from '../../lib/use-hq-owned';

type Reason = MethodOutput<'reasons.list'>['rows'][number];
interface Values {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** The server checks the same; checking here too puts the message under the field before any call. */
const CODE_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

/**
 * Reason codes per kind (waste, stock adjustment, and whatever other kinds
 * exist, e.g. receiving rejections). Admins add, rename, deactivate and
 * reactivate; managers see the list read-only (see the contract for why).
 */
export function ReasonsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const hq = useHqOwned();
  // Once enrolled, reason codes are HQ's whole: read-only here for admins too.
  const canEdit = can(['admin']) && hq === null;
  const q = useQuery('reasons.list', {});
  const [kind, setKind] = useState<string>('waste');
  const [dialog, setDialog] = useState<{ reason: Reason | null } | null>(null);
  const kindLabel = (k: string) => {
    const key = `reasons.kind.${k}`;
    return hasMessage(key) ? t(key) : k;
  };

  const setActive = async (r: Reason, active: boolean) => {
    try {
      await call('reasons.setActive', { kind: r.kind, code: r.code, active });
      void message.success(t(active ? 'reasons.reactivated' : 'reasons.deactivated', { code: r.code }));
    } catch (err) {
      showApiError(err, message);
    }
  };

  const columns = useMemo<ColDef<Reason>[]>(
    () => [
      { field: 'code', headerName: t('reasons.col.code'), width: 150 },
      { field: 'nameZh', headerName: t('reasons.col.nameZh'), width: 170 },
      { field: 'nameEn', headerName: t('reasons.col.nameEn'), flex: 1, minWidth: 170 },
      {
        colId: 'status',
        headerName: t('reasons.col.status'),
        width: 100,
        valueGetter: (x) => x.data && t(x.data.active ? 'reasons.active' : 'reasons.inactive'),
        cellRenderer: (x: ICellRendererParams<Reason>) =>
          x.data && (
            <Tag color={x.data.active ? 'green' : 'default'}>
              {t(x.data.active ? 'reasons.active' : 'reasons.inactive')}
            </Tag>
          ),
      },
      { field: 'uses', headerName: t('reasons.col.uses'), width: 120, type: 'rightAligned' },
      {
        colId: 'actions',
        headerName: t('common.actions'),
        width: 180,
        sortable: false,
        filter: false,
        hide: !canEdit,
        cellRenderer: (x: ICellRendererParams<Reason>) => {
          const r = x.data;
          if (!r) return null;
          return (
            <Space size={4}>
              <Button size="small" onClick={() => setDialog({ reason: r })} data-testid={`reason-edit-${r.code}`}>
                {t('reasons.edit')}
              </Button>
              <Button
                size="small"
                danger={r.active}
                onClick={() => void setActive(r, !r.active)}
                data-testid={`reason-toggle-${r.code}`}
              >
                {t(r.active ? 'reasons.deactivate' : 'reasons.reactivate')}
              </Button>
            </Space>
          );
        },
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- setActive only needs the current translations
    [t, canEdit],
  );

  const kinds = q.data?.kinds ?? ['waste'];
  const rows = (q.data?.rows ?? []).filter((r) => r.kind === kind);
  const editing = dialog?.reason ?? null;
  const locked = !!editing && editing.uses > 0;
  // Stable while the dialog is open: FormModal refills its fields whenever this object changes.
  const initialValues = useMemo(
    () => (editing ? { code: editing.code, nameZh: editing.nameZh, nameEn: editing.nameEn } : undefined),
    [editing],
  );

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('reasons.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {t('reasons.hint')}
      </Typography.Paragraph>
      {hq !== null ? (
        <HqOwnedNote hq={hq} detail={t('sync.hqOwned.reasons')} />
      ) : (
        !canEdit && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('reasons.readOnly')} />
      )}
      <Tabs
        activeKey={kind}
        onChange={setKind}
        items={kinds.map((k) => ({
          key: k,
          label: `${kindLabel(k)} (${(q.data?.rows ?? []).filter((r) => r.kind === k).length})`,
        }))}
        data-testid="reason-kinds"
      />
      <DataGrid<Reason>
        gridId="settings-reasons"
        rows={rows}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => `${r.kind}/${r.code}`}
        exportName={`reason-codes-${kind}`}
        height="calc(100vh - 330px)"
        onRowDoubleClicked={canEdit ? (r) => setDialog({ reason: r }) : undefined}
        toolbar={
          <>
            {canEdit && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setDialog({ reason: null })}
                data-testid="reason-add"
              >
                {t('reasons.add')}
              </Button>
            )}
            {q.data && !rows.length && <Typography.Text type="secondary">{t('reasons.empty')}</Typography.Text>}
          </>
        }
      />
      <FormModal<Values>
        open={dialog !== null}
        title={
          editing ? t('reasons.editTitle', { code: editing.code }) : t('reasons.addTitle', { kind: kindLabel(kind) })
        }
        initialValues={initialValues}
        onClose={() => setDialog(null)}
        onSubmit={async (v) => {
          const saved = await call('reasons.save', {
            kind: editing?.kind ?? kind,
            code: v.code,
            nameZh: v.nameZh,
            nameEn: v.nameEn,
            originalCode: editing?.code ?? null,
          });
          return t('reasons.saved', { code: saved.code });
        }}
        testId="reason-form"
        okTestId="reason-save"
      >
        <Form.Item
          name="code"
          label={t('reasons.form.code')}
          extra={locked ? t('reasons.form.codeLocked', { uses: editing.uses }) : t('reasons.form.codeHelp')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { pattern: CODE_PATTERN, message: t('reasons.v.code') },
            { max: 30, message: t('validation.tooLong', { max: 30 }) },
          ]}
        >
          <Input disabled={locked} maxLength={30} data-testid="reason-code" />
        </Form.Item>
        <Form.Item
          name="nameZh"
          label={t('reasons.col.nameZh')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={40} data-testid="reason-name-zh" />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t('reasons.col.nameEn')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={40} data-testid="reason-name-en" />
        </Form.Item>
      </FormModal>
    </div>
  );
}
