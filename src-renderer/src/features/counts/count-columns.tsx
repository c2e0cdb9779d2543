import type { ColDef, ICellRendererParams, SuppressKeyboardEventParams } from 'ag-grid-community';
import { Tag } from 'antd';
import type { CountLineDto } from '../../../../src-shared/api/methods/counts';
import { MAX_ENTRY_QTY, parseCountEntry } from '../../../../src-shared/count-entry';
import type { MessageKey } from '../../../../src-shared/i18n';
import { formatQty } from '../../../../src-shared/quantity';
import { amount } from '../../lib/money';
import { formatStoreTime } from '../../lib/format';

export const qtyText = (qty: number | null, unit: string) => (qty === null ? '' : `${formatQty(qty)} ${unit}`);

export interface ColumnDeps {
  t: (k: MessageKey, p?: Record<string, string | number>) => string;
  locale: string;
  tz: string | undefined;
  /** Entry is editable (count open). */
  editable: boolean;
  /** Book and variance columns are shown (not a blind count still open). */
  showBook: boolean;
  save(line: CountLineDto, entry: string): void;
  /** A typed entry the parser refuses: shown at once, the editor stays open. */
  reject(message: string): void;
}

/** Checks the typed text before leaving the cell, with the same parser the server uses. */
function entryProblem(line: CountLineDto, text: string, t: ColumnDeps['t']): string | null {
  if (!text.trim()) return null;
  const r = parseCountEntry(text, line.baseUnit, line.units);
  if (r.ok) return null;
  const e = r.error;
  if (e.code === 'unit') return t('counts.error.unit', { unit: e.unit, known: e.known.join(' ') });
  if (e.code === 'negative') return t('counts.error.negative');
  if (e.code === 'tooLarge') return t('counts.error.tooLarge', { max: formatQty(MAX_ENTRY_QTY) });
  return t('counts.error.syntax', { text });
}

/**
 * Enter in the entry cell: a bad entry keeps the editor open with the message;
 * a good one lets the grid finish the edit (the value setter saves it) and
 * opens the next line, so a clerk counts a shelf without touching the mouse.
 */
function onEntryKey(deps: ColumnDeps) {
  return (p: SuppressKeyboardEventParams<CountLineDto>): boolean => {
    if (!p.editing || p.event.key !== 'Enter' || p.event.type !== 'keydown' || p.event.isComposing) return false;
    const editor = p.api.getCellEditorInstances()[0] as { getValue?: () => unknown } | undefined;
    const text = String(editor?.getValue?.() ?? '');
    const problem = p.data ? entryProblem(p.data, text, deps.t) : null;
    if (problem) {
      deps.reject(problem);
      return true;
    }
    const next = (p.node.rowIndex ?? 0) + 1;
    window.setTimeout(() => {
      if (next >= p.api.getDisplayedRowCount()) return;
      p.api.ensureIndexVisible(next);
      p.api.setFocusedCell(next, 'entry');
      p.api.startEditingCell({ rowIndex: next, colKey: 'entry' });
    }, 0);
    return false;
  };
}

export function countColumns(deps: ColumnDeps): ColDef<CountLineDto>[] {
  const { t, locale, tz, showBook } = deps;
  const unitHint = (l: CountLineDto) => l.units.map((u) => `${u.unit}=${formatQty(u.factor)}${l.baseUnit}`).join(' · ');
  const cols: (ColDef<CountLineDto> | false)[] = [
    {
      colId: 'area',
      headerName: t('counts.area'),
      width: 100,
      valueGetter: (p) => p.data && (locale === 'zh-CN' ? p.data.areaNameZh : p.data.areaNameEn),
    },
    { field: 'code', headerName: t('counts.code'), width: 95 },
    {
      colId: 'name',
      headerName: t('counts.item'),
      width: 130,
      valueGetter: (p) => p.data && (locale === 'zh-CN' ? p.data.nameZh : p.data.nameEn),
    },
    { field: 'lot', headerName: t('counts.lot'), width: 70 },
    showBook && {
      colId: 'book',
      headerName: t('counts.book'),
      width: 95,
      type: 'rightAligned',
      valueGetter: (p) => p.data && qtyText(p.data.bookQty, p.data.baseUnit),
    },
    showBook && {
      colId: 'expected',
      headerName: t('counts.expected'),
      width: 95,
      type: 'rightAligned',
      valueGetter: (p) => p.data && qtyText(p.data.expectedQty, p.data.baseUnit),
    },
    {
      colId: 'entry',
      headerName: t('counts.entry'),
      width: 150,
      editable: deps.editable,
      cellEditor: 'agTextCellEditor',
      cellStyle: deps.editable ? { background: '#fffbe6' } : undefined,
      valueGetter: (p) => p.data?.entry ?? '',
      valueSetter: (p) => {
        const text = String(p.newValue ?? '').trim();
        if (!p.data || text === p.data.entry) return false;
        deps.save(p.data, text);
        return false; // the row is replaced with what the server saved
      },
      suppressKeyboardEvent: onEntryKey(deps),
    },
    {
      colId: 'counted',
      headerName: t('counts.counted'),
      width: 95,
      type: 'rightAligned',
      valueGetter: (p) => p.data && qtyText(p.data.countedQty, p.data.baseUnit),
    },
    showBook && {
      colId: 'variance',
      headerName: t('counts.variance'),
      width: 95,
      type: 'rightAligned',
      valueGetter: (p) => p.data && qtyText(p.data.varianceQty, p.data.baseUnit),
      cellStyle: (p) => (p.data?.varianceQty ? { color: p.data.varianceQty < 0 ? '#cf1322' : '#389e0d' } : null),
    },
    showBook && {
      colId: 'varianceValue',
      headerName: t('counts.varianceValue'),
      width: 95,
      type: 'rightAligned',
      valueGetter: (p) =>
        p.data?.varianceValue === null || p.data?.varianceValue === undefined ? '' : amount(p.data.varianceValue),
    },
    {
      colId: 'recount',
      headerName: t('counts.recount'),
      width: 80,
      valueGetter: (p) => (p.data?.recount ? t('counts.recount') : ''),
      cellRenderer: (p: ICellRendererParams<CountLineDto>) =>
        p.data?.recount ? <Tag color="orange">{t('counts.recount')}</Tag> : null,
    },
    { colId: 'units', headerName: t('counts.units'), width: 150, valueGetter: (p) => p.data && unitHint(p.data) },
    { field: 'countedBy', headerName: t('counts.countedBy'), width: 100 },
    {
      colId: 'countedAt',
      headerName: t('counts.countedAt'),
      width: 140,
      valueGetter: (p) => formatStoreTime(p.data?.countedAt, tz),
    },
  ];
  return cols.filter((c): c is ColDef<CountLineDto> => !!c);
}
