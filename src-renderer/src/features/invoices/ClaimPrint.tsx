import type { ClaimDto, ClaimLineDto } from '../../../../src-shared/api/methods/invoices';
import { qtyInUnit, rateText } from '../../../../src-shared/invoices';
import { amount, money, moneySymbol } from '../../lib/money';
import { useSession } from '../../app/session';
import { PrintDocument } from '../../components/PrintDocument';
import { formatStoreTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { lineLabel } from './MatchCard';

export function ClaimPrint({ claim }: { claim: ClaimDto }) {
  const { t, locale } = useI18n();
  const { session } = useSession();
  const store = session.store;
  const fields: [string, string][] = [
    [t('invoices.claim.f.number'), claim.number],
    [t('invoices.claim.f.status'), t(`invoices.claim.status.${claim.status}`)],
    [t('invoices.f.supplier'), `${claim.supplierCode} ${claim.supplierName}`],
    [t('po.doc.supplierContact'), [claim.supplierContact, claim.supplierPhone].filter(Boolean).join(' ')],
    [t('invoices.f.number'), claim.invoiceNumber],
    [t('invoices.f.invoiceDay'), claim.invoiceDay],
    [t('invoices.f.po'), [claim.poNumber, claim.receiptNumber].filter(Boolean).join(' / ')],
    [t('invoices.f.gross'), money(claim.invoiceGross)],
    [t('po.doc.buyer'), store ? `${store.code} ${store.name}` : ''],
    [t('invoices.claim.f.createdAt'), formatStoreTime(claim.createdAt, store?.timezone).slice(0, 10)],
  ];
  const qp = (l: ClaimLineDto, qty: number, price: number) =>
    l.invoiceLineNo === null ? '' : `${qtyInUnit(qty, l.unit, l.unitFactor, l.baseUnit)} × ${money(price)}`;
  return (
    <PrintDocument
      className="claim-print"
      testId="claim-print"
      title={t('invoices.claim.doc.title')}
      fields={fields}
      fontPt={9.5}
    >
      <table>
        <thead>
          <tr>
            <th>{t('po.col.lineNo')}</th>
            <th>{t('invoices.claim.col.item')}</th>
            <th>{t('invoices.claim.col.billed')}</th>
            <th>{t('invoices.claim.col.billedAmount')}</th>
            <th>{t('invoices.claim.col.should')}</th>
            <th>{t('invoices.claim.col.shouldAmount')}</th>
            <th>{t('invoices.claim.col.diffNet')}</th>
            <th>{t('invoices.claim.col.tax')}</th>
            <th>{t('invoices.claim.col.diffGross')}</th>
          </tr>
        </thead>
        <tbody>
          {claim.lines.map((l) => (
            <tr key={l.lineNo}>
              <td className="num">{l.lineNo}</td>
              <td>
                {l.invoiceLineNo === null ? t('invoices.claim.totalsLine') : lineLabel(l, locale)}
                {l.reasons.map((r) => (
                  <div key={r} className="reason">
                    {r}
                  </div>
                ))}
              </td>
              <td className="num">{qp(l, l.billedQty, l.billedPrice)}</td>
              <td className="num">{amount(l.billedAmount)}</td>
              <td className="num">{qp(l, l.shouldQty, l.shouldPrice)}</td>
              <td className="num">{amount(l.shouldAmount)}</td>
              <td className="num">{amount(l.diffNet)}</td>
              <td className="num">{l.invoiceLineNo === null ? '' : `${amount(l.diffTax)} (${rateText(l.taxRate)})`}</td>
              <td className="num">{amount(l.diffGross)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={8} className="num">
              {t('invoices.claim.doc.total', { currency: moneySymbol() })}
            </td>
            <td className="num">{amount(claim.amount)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="request">
        {t('invoices.claim.doc.request', { amount: money(claim.amount), invoice: claim.invoiceNumber })}
      </p>
      {claim.note && <p>{claim.note}</p>}
    </PrintDocument>
  );
}
