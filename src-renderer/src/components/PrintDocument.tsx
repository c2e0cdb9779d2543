import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useI18n } from '../lib/i18n';

/**
 * A document for the supplier (order, claim) printed with window.print: only
 * it prints, on A4, as a title, a two-column block of header fields, the
 * caller's table and the signature lines. Rendered straight under <body> (a
 * portal) so print can hide every other child of body outright; hiding by
 * visibility lets borders and menu titles that set their own show through.
 */
function printCss(cls: string, fontPt: number): string {
  return `
.${cls} { display: none; }
@media print {
  @page { size: A4 portrait; margin: 12mm; }
  body > *:not(.${cls}) { display: none !important; }
  .${cls} { display: block; font-size: ${fontPt}pt; color: #000; }
  .${cls} h2 { text-align: center; margin: 0 0 8px; }
  .${cls} .fields { display: grid; grid-template-columns: 1fr 1fr; gap: 2px 24px; margin-bottom: 10px; }
  .${cls} table { border-collapse: collapse; width: 100%; }
  .${cls} th, .${cls} td { border: 1px solid #999; padding: 3px 5px; vertical-align: top; }
  .${cls} th { background: #f0f0f0; }
  .${cls} td.num { text-align: right; white-space: nowrap; }
  .${cls} .reason { font-size: ${fontPt - 1}pt; color: #333; }
  .${cls} tfoot td { font-weight: bold; }
  .${cls} .request { margin-top: 10px; }
  .${cls} .signatures { display: flex; justify-content: space-between; margin-top: 36px; }
}`;
}

export function PrintDocument(props: {
  className: string;
  testId: string;
  title: string;
  fields: [string, string][];
  fontPt?: number;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return createPortal(
    <div className={props.className} data-testid={props.testId}>
      <style>{printCss(props.className, props.fontPt ?? 10)}</style>
      <h2>{props.title}</h2>
      <div className="fields">
        {props.fields.map(([label, value]) => (
          <div key={label}>
            <b>{label}：</b>
            {value}
          </div>
        ))}
      </div>
      {props.children}
      <div className="signatures">
        <span>{t('po.doc.preparedBy')}：________________</span>
        <span>{t('po.doc.approvedBy')}：________________</span>
        <span>{t('po.doc.supplierSign')}：________________</span>
      </div>
    </div>,
    document.body,
  );
}
