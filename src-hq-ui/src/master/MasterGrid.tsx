import { HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Button, Space, Tag, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import type { MessageKey } from '../../../src-shared/i18n';
import { DataGrid } from '../../../src-renderer/src/components/DataGrid';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { HistoryDrawer, type HistoryTarget } from './HistoryDrawer';

export interface MasterGridProps<T> {
  title: MessageKey;
  gridId: string;
  rows: T[] | undefined;
  loading: boolean;
  columns: ColDef<T>[];
  getRowId(row: T): string;
  canEdit: boolean;
  addLabel: MessageKey;
  onAdd(): void;
  onEdit(row: T): void;
  history(row: T): HistoryTarget;
  /** Above the grid, beside the add button (filters, a picked item). */
  toolbar?: ReactNode;
  height?: string;
}

/** A status column every master grid shows the same way. */
export function activeColumn<T extends { active: boolean }>(t: (k: MessageKey) => string): ColDef<T> {
  return {
    colId: 'active',
    headerName: t('hqm.f.active'),
    width: 90,
    valueGetter: (p) => p.data && t(p.data.active ? 'hqm.active' : 'hqm.inactive'),
    cellRenderer: (p: ICellRendererParams<T>) =>
      p.data && <Tag color={p.data.active ? 'green' : 'default'}>{p.value as string}</Tag>,
  };
}

/**
 * One master table at HQ: the grid (filter, sort, export), a new-row button,
 * and per row an edit button and its history drawer. Rows are never deleted
 * here: stores refer to them, so the forms deactivate instead.
 */
export function MasterGrid<T>(props: MasterGridProps<T>) {
  const { t } = useI18n();
  const [history, setHistory] = useState<HistoryTarget | null>(null);
  const { canEdit, onEdit, history: target } = props;
  const columns = useMemo<ColDef<T>[]>(
    () => [
      ...props.columns,
      {
        colId: 'actions',
        headerName: t('hqm.actions'),
        width: 170,
        pinned: 'right',
        sortable: false,
        filter: false,
        cellRenderer: (p: ICellRendererParams<T>) =>
          p.data && (
            <Space size={4}>
              {canEdit && (
                <Button size="small" type="link" onClick={() => onEdit(p.data!)} data-testid="row-edit">
                  {t('hqm.edit')}
                </Button>
              )}
              <Button
                size="small"
                type="link"
                icon={<HistoryOutlined />}
                onClick={() => setHistory(target(p.data!))}
                data-testid="row-history"
              >
                {t('hqm.history')}
              </Button>
            </Space>
          ),
      },
    ],
    [props.columns, canEdit, onEdit, target, t],
  );
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t(props.title)}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('hq.master.syncNote')}</Typography.Paragraph>
      <DataGrid<T>
        gridId={props.gridId}
        rows={props.rows}
        loading={props.loading}
        columns={columns}
        getRowId={props.getRowId}
        exportName={props.gridId}
        onRowDoubleClicked={canEdit ? onEdit : undefined}
        toolbar={
          <Space>
            {props.toolbar}
            {canEdit && (
              <Button type="primary" icon={<PlusOutlined />} onClick={props.onAdd} data-testid="master-add">
                {t(props.addLabel)}
              </Button>
            )}
          </Space>
        }
        height={props.height ?? 'calc(100vh - 230px)'}
      />
      <HistoryDrawer target={history} onClose={() => setHistory(null)} />
    </div>
  );
}
