import { createPortal } from 'react-dom';
import type { PoDto } from '../../../../src-shared/api/methods/procurement';
import { formatScaled } from '../../../../src-shared/quantity';
import { useSession } from '../../app/session';
import { useI18n } from '../../lib/i18n';
import { nameOf } from '../stock/pickers';
import { money, sizeText } from './money';

/**
 * Only the order prints. It is rendered straight under <body> (a portal), so
 * print hides every other child of body outright; hiding by visibility lets
 * borders and menu titles that set their own visibility show through.
 */
const PRINT_CSS = `
.po-print { display: none; }
@media print {
  @page { size: A4 portrait; margin: 12mm; }
  body > *:not(.po-print) { display: none !important; }
  .po-print { display: block; font-size: 10pt; color: #000; }
  .po-print h2 { text-align: center; margin: 0 0 8px; }
  .po-print .fields { display: grid; grid-template-columns: 1fr 1fr; gap: 2px 24px; margin-bottom: 10px; }
  .po-print table { border-collapse: collapse; width: 100%; }
  .po-print th, .po-print td { border: 1px solid #999; padding: 3px 5px; }
  .po-print th { background: #f0f0f0; }
  .po-print td.num { text-align: right; white-space: nowrap; }
  .po-print tfoot td { font-weight: bold; }
  .po-print .signatures { display: flex; justify-content: space-between; margin-top: 36px; }
}`;

/** The printable purchase order (window.print), laid out like the PDF the supplier gets. */
export function PoPrint({ po }: { po: PoDto }) {
  const { t, locale } = useI18n();
  const { session } = useSession();
  const store = session.store;
  const fields: [string, string][] = [
    [t('po.f.number'), po.number],
    [t('po.f.status'), t(`po.status.${po.status}`)],
    [t('po.f.supplier'), `${po.supplierCode} ${po.supplierName}`],
    [t('po.doc.supplierContact'), [po.supplierContact, po.supplierPhone].filter(Boolean).join(' ')],
    [t('po.doc.supplierAddress'), po.supplierAddress],
    [t('po.doc.buyer'), store ? `${store.code} ${store.name}` : ''],
    [t('po.doc.deliverTo'), store?.address ?? ''],
    [t('po.f.orderDay'), po.orderDay],
    [t('po.f.expectedDay'), po.expectedDay ?? ''],
  ];
  return createPortal(
    <div className="po-print" data-testid="po-print">
      <style>{PRINT_CSS}</style>
      <div>
        <h2>{t('po.doc.title')}</h2>
        <div className="fields">
          {fields.map(([label, value]) => (
            <div key={label}>
              <b>{label}：</b>
              {value}
            </div>
          ))}
        </div>
        <table>
          <thead>
            <tr>
              <th>{t('po.col.lineNo')}</th>
              <th>{t('po.col.itemCode')}</th>
              <th>{t('po.col.supplierCode')}</th>
              <th>{t('po.col.item')}</th>
              <th>{t('po.col.packs')}</th>
              <th>{t('po.col.packUnit')}</th>
              <th>{t('po.col.packSize')}</th>
              <th>{t('po.col.price')}</th>
              <th>{t('po.col.value')}</th>
            </tr>
          </thead>
          <tbody>
            {po.lines.map((l) => (
              <tr key={l.id}>
                <td className="num">{l.lineNo}</td>
                <td>{l.itemCode}</td>
                <td>{l.supplierCode}</td>
                <td>{nameOf(l, locale)}</td>
                <td className="num">{formatScaled(l.packs, 1000)}</td>
                <td>{l.packUnit}</td>
                <td className="num">{sizeText(l.packQty, l.baseUnit)}</td>
                <td className="num">{money(l.price)}</td>
                <td className="num">{money(l.value)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={8} className="num">
                {t('po.doc.total')}
              </td>
              <td className="num">{money(po.value)}</td>
            </tr>
          </tfoot>
        </table>
        {po.note && <p>{po.note}</p>}
        <div className="signatures">
          <span>{t('po.doc.preparedBy')}：________________</span>
          <span>{t('po.doc.approvedBy')}：________________</span>
          <span>{t('po.doc.supplierSign')}：________________</span>
        </div>
      </div>
    </div>,
    document.body,
  );
}
