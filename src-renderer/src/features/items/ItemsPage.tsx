import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { ColDef } from 'ag-grid-community';
import { App, Button, Segmented, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { unpackItemRow, type ItemRow } from '../../../../src-shared/api/methods/items';
import { formatQty } from '../../../../src-shared/quantity';
import { useSession } from '../../app/session';
import { DataGrid, type ServerRows } from '../../components/DataGrid';
import { call } from '../../lib/api';
import { downloadBase64 } from '../../lib/download';
import { showApiError } from '../../lib/form-errors';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { useHqOwned } from '../../lib/use-hq-owned';
import { ItemImportModal } from './ItemImportModal';
import { ItemModal } from './ItemModal';
import { baseUnitKey, unitText } from './item-units';

const ITEM_PAGE_SOURCES = ['items.page'];
const NUMBER = 'agNumberColumnFilter';

type Dialog = { kind: 'item'; id: string | null } | { kind: 'import' } | null;

/** The item master: ag-grid's infinite row model over items.page, so 20,000 items open as fast as 100. */
export function ItemsPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { session } = useSession();
  const canEdit = session.user?.role === 'admin' || session.user?.role === 'manager';
  // Once enrolled, new items come from HQ (an import would add them too).
  const hq = useHqOwned();
  const categories = useQuery('categories.list', {});
  const areas = useQuery('areas.list', {});
  const [status, setStatus] = useState<'all' | 'active' | 'inactive'>('all');
  // Rows stay on the server: 20,000 items open on their first block, sorted and filtered in SQL.
  const server = useMemo<ServerRows<ItemRow>>(
    () => ({
      fetch: async (req) => {
        const r = await call('items.page', { ...req, status });
        return { rows: r.rows.map(unpackItemRow), total: r.total };
      },
      invalidatedBy: ITEM_PAGE_SOURCES,
      key: status,
    }),
    [status],
  );
  const [dialog, setDialog] = useState<Dialog>(null);
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);

  const columns = useMemo<ColDef<ItemRow>[]>(() => {
    const zh = locale === 'zh-CN';
    // Names by lookup: the list carries codes and ids only (see ItemListRowDto).
    const catName = new Map((categories.data ?? []).map((c) => [c.code, zh ? c.nameZh : c.nameEn]));
    const areaName = new Map((areas.data ?? []).map((a) => [a.id, zh ? a.nameZh : a.nameEn]));
    const base = (r: ItemRow) => t(baseUnitKey(r.baseUnit));
    const qty = (q: number | null, r: ItemRow) => (q === null ? '' : `${formatQty(q)} ${base(r)}`);
    return [
      { field: 'code', headerName: t('items.f.code'), width: 120, pinned: 'left' },
      { field: zh ? 'nameZh' : 'nameEn', headerName: t(zh ? 'items.f.nameZh' : 'items.f.nameEn'), width: 170 },
      { field: zh ? 'nameEn' : 'nameZh', headerName: t(zh ? 'items.f.nameEn' : 'items.f.nameZh'), width: 170 },
      {
        colId: 'category',
        headerName: t('items.f.category'),
        width: 120,
        valueGetter: (p) => p.data && (catName.get(p.data.category) ?? p.data.category),
      },
      {
        colId: 'baseUnit',
        headerName: t('items.f.baseUnit'),
        width: 90,
        // Shown translated (克), stored as a code (g): a text filter would match neither reliably.
        filter: false,
        valueGetter: (p) => p.data && base(p.data),
      },
      {
        colId: 'purchaseUnit',
        headerName: t('items.f.purchaseUnit'),
        width: 150,
        valueGetter: (p) => p.data && unitText(t, p.data.purchaseUnit, p.data.purchaseFactor, p.data.baseUnit),
      },
      {
        colId: 'countUnit',
        headerName: t('items.f.countUnit'),
        width: 140,
        valueGetter: (p) => p.data && unitText(t, p.data.countUnit, p.data.countFactor, p.data.baseUnit),
      },
      {
        colId: 'area',
        headerName: t('items.f.area'),
        width: 110,
        valueGetter: (p) => (p.data?.storageAreaId ? (areaName.get(p.data.storageAreaId) ?? '') : ''),
      },
      { field: 'shelfOrder', headerName: t('items.f.shelfOrder'), width: 90, filter: NUMBER },
      { field: 'shelfLifeDays', headerName: t('items.f.shelfLife'), width: 100, filter: NUMBER },
      {
        colId: 'parLevel',
        headerName: t('items.f.parLevel'),
        width: 120,
        type: 'rightAligned',
        filter: NUMBER,
        valueGetter: (p) => p.data && qty(p.data.parLevel, p.data),
      },
      {
        colId: 'reorderPoint',
        headerName: t('items.f.reorderPoint'),
        width: 120,
        type: 'rightAligned',
        filter: NUMBER,
        valueGetter: (p) => p.data && qty(p.data.reorderPoint, p.data),
      },
      { field: 'barcodes', headerName: t('items.f.barcodes'), width: 150 },
      {
        colId: 'lotTracked',
        headerName: t('items.f.lotTracked'),
        width: 90,
        sortable: false,
        filter: false,
        valueGetter: (p) => p.data && t(p.data.lotTracked ? 'common.yes' : 'common.no'),
      },
      {
        colId: 'status',
        headerName: t('items.f.status'),
        width: 90,
        // Filtered by the status selector above the grid.
        sortable: false,
        filter: false,
        valueGetter: (p) => p.data && t(p.data.active ? 'items.status.active' : 'items.status.inactive'),
        // A CSS class, not a React cell renderer: 20,000 rows must scroll without mounting components.
        cellClassRules: { 'cell-ok': (p) => !!p.data?.active, 'cell-muted': (p) => !p.data?.active },
      },
    ];
  }, [t, locale, categories.data, areas.data]);

  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExporting(format);
    try {
      const f = await call('items.export', { format });
      downloadBase64(f.fileName, f.base64, f.mime);
    } catch (err) {
      showApiError(err, message);
    } finally {
      setExporting(null);
    }
  };

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('items.title')}
      </Typography.Title>
      <DataGrid<ItemRow>
        gridId="items"
        server={server}
        columns={columns}
        getRowId={(r) => r.id}
        exportName="items"
        onRowDoubleClicked={canEdit ? (r) => setDialog({ kind: 'item', id: r.id }) : undefined}
        toolbar={
          <>
            <Segmented
              value={status}
              onChange={(v) => setStatus(v as typeof status)}
              options={[
                { value: 'all', label: t('items.status.all') },
                { value: 'active', label: t('items.status.active') },
                { value: 'inactive', label: t('items.status.inactive') },
              ]}
              data-testid="items-status"
            />
            {canEdit && !hq && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setDialog({ kind: 'item', id: null })}
                data-testid="items-add"
              >
                {t('items.add')}
              </Button>
            )}
            {canEdit && !hq && (
              <Button
                icon={<UploadOutlined />}
                onClick={() => setDialog({ kind: 'import' })}
                data-testid="items-import"
              >
                {t('items.import')}
              </Button>
            )}
            <Button
              icon={<DownloadOutlined />}
              loading={exporting === 'csv'}
              onClick={() => void exportAs('csv')}
              data-testid="items-export-csv"
            >
              {t('items.export.csv')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              loading={exporting === 'xlsx'}
              onClick={() => void exportAs('xlsx')}
              data-testid="items-export-xlsx"
            >
              {t('items.export.xlsx')}
            </Button>
          </>
        }
      />
      <ItemModal
        open={dialog?.kind === 'item'}
        itemId={dialog?.kind === 'item' ? dialog.id : null}
        onClose={() => setDialog(null)}
      />
      <ItemImportModal open={dialog?.kind === 'import'} onClose={() => setDialog(null)} />
    </div>
  );
}
