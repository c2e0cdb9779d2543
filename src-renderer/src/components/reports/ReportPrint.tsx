import { createPortal } from 'react-dom';
import { useI18n } from '../../lib/i18n';
import { cellValue, formatCell, type ReportColumn } from './report-columns';

/**
 * Only the report prints: a plain table (the virtualised grid does not
 * print), rendered straight under <body> (a portal) so print hides every other
 * child of body outright; hiding by visibility lets tab labels and input
 * borders that set their own visibility show through.
 */
const PRINT_CSS = `
.report-print { display: none; }
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  body > *:not(.report-print) { display: none !important; }
  .report-print { display: block; color: #000; }
  .report-print table { border-collapse: collapse; width: 100%; font-size: 9pt; }
  .report-print th, .report-print td { border: 1px solid #999; padding: 2px 4px; }
  .report-print td.num { text-align: right; white-space: nowrap; }
  .report-print tfoot td { font-weight: bold; }
}`;

export function ReportPrint<T>(p: {
  title: string;
  subtitle: string;
  columns: ReportColumn<T>[];
  rows: T[] | undefined;
  totals?: T | undefined;
  getRowId: (row: T) => string;
}) {
  const { t } = useI18n();
  const cell = (c: ReportColumn<T>, r: T) => (
    <td key={c.key} className={c.type === 'text' ? undefined : 'num'}>
      {formatCell(c.type, cellValue(c, r))}
    </td>
  );
  return createPortal(
    <div className="report-print">
      <style>{PRINT_CSS}</style>
      <h2>{p.title}</h2>
      <p>{p.subtitle}</p>
      <table>
        <thead>
          <tr>
            {p.columns.map((c) => (
              <th key={c.key}>{t(c.header)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(p.rows ?? []).map((r) => (
            <tr key={p.getRowId(r)}>{p.columns.map((c) => cell(c, r))}</tr>
          ))}
        </tbody>
        {p.totals && (
          <tfoot>
            <tr>{p.columns.map((c) => cell(c, p.totals!))}</tr>
          </tfoot>
        )}
      </table>
    </div>,
    document.body,
  );
}
