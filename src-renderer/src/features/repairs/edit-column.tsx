import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Button } from 'antd';
import type { MessageKey } from '../../../../src-shared/i18n';

/**
 * The last column of the repair master lists: an Edit button per row, hidden
 * from those who may not edit. `testId` names the button after the row.
 */
export function editColumn<T>(
  t: (key: MessageKey) => string,
  opts: { canEdit: boolean; onEdit(row: T): void; testId?: (row: T) => string; pinned?: 'right' },
): ColDef<T> {
  return {
    colId: 'actions',
    headerName: t('common.actions'),
    width: 90,
    pinned: opts.pinned,
    hide: !opts.canEdit,
    sortable: false,
    filter: false,
    cellRenderer: (p: ICellRendererParams<T>) =>
      p.data && (
        <Button size="small" onClick={() => opts.onEdit(p.data!)} data-testid={opts.testId?.(p.data)}>
          {t('common.edit')}
        </Button>
      ),
  };
}
