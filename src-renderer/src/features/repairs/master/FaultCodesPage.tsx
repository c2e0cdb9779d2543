import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  AutoComplete,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import type { MethodOutput } from '../../../../../src-shared/api';
import { useSession } from '../../../app/session';
import { FormModal } from '../../../components/FormModal';
import { HqOwnedNote } from '../../../components/HqOwnedNote';
import { call } from '../../../lib/api';
import { showApiError } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/query';
import { useHqOwned } from '../../../lib/use-hq-owned';
import { categoryName } from '../repair-format';

type Code = MethodOutput<'faultCodes.list'>[number];
interface Node extends Code {
  key: string;
  children?: Node[];
}

interface Values {
  code: string;
  category: string;
  parentCode?: string | null;
  nameZh: string;
  nameEn: string;
  sortOrder?: number;
}

/** Categories -> groups -> symptoms, for the tree. A category is a row of its own (not a code). */
function tree(codes: Code[], t: ReturnType<typeof useI18n>['t']): Node[] {
  const categories = [...new Set(codes.map((c) => c.category))];
  return categories.map((cat) => {
    const groups = codes.filter((c) => c.category === cat && c.parentCode === null);
    return {
      key: `cat:${cat}`,
      code: '',
      category: cat,
      parentCode: null,
      nameZh: categoryName(t, cat),
      nameEn: categoryName(t, cat),
      sortOrder: 0,
      active: true,
      uses: 0,
      children: groups.map((g) => ({
        ...g,
        key: g.code,
        children: codes.filter((c) => c.parentCode === g.code).map((s) => ({ ...s, key: s.code })),
      })),
    };
  });
}

/**
 * The fault codes reporters pick from: per equipment category, groups and
 * their symptoms ('general' ones apply to every category). Admins add,
 * rename and deactivate codes; a code in use can be renamed but not moved.
 */
export function FaultCodesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { session } = useSession();
  const hq = useHqOwned();
  // Once enrolled, fault codes are HQ's whole: read-only here for admins too.
  const admin = session.user?.role === 'admin' && hq === null;
  const [inactive, setInactive] = useState(false);
  const q = useQuery('faultCodes.list', { includeInactive: inactive });
  const [editing, setEditing] = useState<{ code: Code | null; preset?: Partial<Values> } | null>(null);
  const data = useMemo(() => tree(q.data ?? [], t), [q.data, t]);
  const groups = (q.data ?? []).filter((c) => c.parentCode === null);
  const categories = [...new Set((q.data ?? []).map((c) => c.category))];

  const toggle = async (c: Code) => {
    try {
      await call('faultCodes.setActive', { code: c.code, active: !c.active });
      void message.success(t(c.active ? 'repairs.faults.deactivated' : 'repairs.faults.activated', { code: c.code }));
    } catch (err) {
      showApiError(err, message);
    }
  };

  const e = editing?.code;
  return (
    <div style={{ maxWidth: 1100 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('repairs.faults.title')}
        </Typography.Title>
        <Space>
          <Checkbox checked={inactive} onChange={(ev) => setInactive(ev.target.checked)}>
            {t('repairs.filter.inactiveCodes')}
          </Checkbox>
          {admin && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ code: null })}
              data-testid="fault-add"
            >
              {t('repairs.faults.add')}
            </Button>
          )}
        </Space>
      </Space>
      {hq !== null && <HqOwnedNote hq={hq} detail={t('sync.hqOwned.faultCodes')} />}
      <Table<Node>
        size="small"
        rowKey="key"
        loading={q.loading}
        dataSource={data}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        key={data.length /* expand the tree once its rows have arrived */}
        scroll={{ y: 'calc(100vh - 230px)' }}
        columns={[
          {
            title: t('repairs.faults.code'),
            width: 260,
            render: (_, r) => (r.code ? <Typography.Text code>{r.code}</Typography.Text> : <b>{r.nameZh}</b>),
          },
          { title: t('repairs.faults.nameZh'), render: (_, r) => (r.code ? r.nameZh : '') },
          { title: t('repairs.faults.nameEn'), render: (_, r) => (r.code ? r.nameEn : '') },
          {
            title: t('repairs.faults.sortOrder'),
            dataIndex: 'sortOrder',
            width: 70,
            render: (v: number, r) => (r.code ? v : ''),
          },
          {
            title: t('repairs.faults.uses'),
            dataIndex: 'uses',
            width: 80,
            render: (v: number, r) => (r.code ? v : ''),
          },
          {
            title: t('repairs.f.active'),
            width: 80,
            render: (_, r) =>
              r.code &&
              (admin ? (
                <Switch size="small" checked={r.active} onChange={() => void toggle(r)} aria-label={r.code} />
              ) : (
                <Tag color={r.active ? 'green' : 'default'}>{t(r.active ? 'common.yes' : 'common.no')}</Tag>
              )),
          },
          ...(admin
            ? [
                {
                  title: t('common.actions'),
                  width: 190,
                  render: (_: unknown, r: Node) => (
                    <Space size={4}>
                      {r.code && (
                        <Button
                          size="small"
                          onClick={() => setEditing({ code: r })}
                          data-testid={`fault-edit-${r.code}`}
                        >
                          {t('common.edit')}
                        </Button>
                      )}
                      {r.code && r.parentCode === null && (
                        <Button
                          size="small"
                          icon={<PlusOutlined />}
                          onClick={() =>
                            setEditing({
                              code: null,
                              preset: {
                                category: r.category,
                                parentCode: r.code,
                                code: `${r.code}-`,
                                // After its last symptom, so it is offered last until reordered.
                                sortOrder: Math.max(r.sortOrder, ...(r.children ?? []).map((c) => c.sortOrder)) + 10,
                              },
                            })
                          }
                        >
                          {t('repairs.faults.addSymptom')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal<Values>
        open={editing !== null}
        title={e ? t('repairs.faults.edit', { code: e.code }) : t('repairs.faults.add')}
        initialValues={e ?? editing?.preset ?? { sortOrder: 0 }}
        onSubmit={async (v) => {
          await call('faultCodes.save', {
            code: v.code.trim().toUpperCase(),
            category: v.category.trim(),
            parentCode: v.parentCode || null,
            nameZh: v.nameZh,
            nameEn: v.nameEn,
            sortOrder: v.sortOrder ?? 0,
          });
          return t('repairs.faults.saved', { code: v.code.trim().toUpperCase() });
        }}
        onClose={() => setEditing(null)}
        testId="fault-form"
      >
        <Form.Item
          name="code"
          label={t('repairs.faults.code')}
          rules={[{ required: true, message: t('validation.required') }]}
          extra={t('repairs.faults.codeHint')}
        >
          <Input disabled={!!e} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('repairs.f.category')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <AutoComplete
            disabled={!!e && e.uses > 0}
            options={categories.map((c) => ({ value: c, label: `${categoryName(t, c)} (${c})` }))}
          />
        </Form.Item>
        <Form.Item name="parentCode" label={t('repairs.faults.parent')} extra={t('repairs.faults.parentHint')}>
          <Select
            allowClear
            disabled={!!e && e.uses > 0}
            options={groups.map((g) => ({ value: g.code, label: `${g.code} ${g.nameZh} / ${g.nameEn}` }))}
          />
        </Form.Item>
        <Form.Item
          name="nameZh"
          label={t('repairs.faults.nameZh')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t('repairs.faults.nameEn')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('repairs.faults.sortOrder')}>
          <InputNumber min={0} max={100_000} precision={0} />
        </Form.Item>
      </FormModal>
    </div>
  );
}
