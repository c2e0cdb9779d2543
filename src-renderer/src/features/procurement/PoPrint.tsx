import type { PoDto } from '../../../../src-shared/api/methods/procurement';
import { formatScaled } from '../../../../src-shared/quantity';
import { useSession } from '../../app/session';
import { PrintDocument } from '../../components/PrintDocument';
import { useI18n } from '../../lib/i18n';
import { nameOf } from '../../lib/pickers';
import { money, moneySymbol } from '../../lib/money';
import { sizeText } from '../../../../src-shared/pack-size';

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
  return (
    <PrintDocument className="po-print" testId="po-print" title={t('po.doc.title')} fields={fields}>
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
              {t('po.doc.total', { currency: moneySymbol() })}
            </td>
            <td className="num">{money(po.value)}</td>
          </tr>
        </tfoot>
      </table>
      {po.note && <p>{po.note}</p>}
    </PrintDocument>
  );
}
