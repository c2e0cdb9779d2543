import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { formatStoreTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { qtyText } from './count-columns';

/** Only the sheet goes to paper: the shell (menu, header, status bar) and the buttons are hidden. */
const PRINT_CSS = `
@media print {
  .ant-layout-sider, .ant-layout-header, .ant-layout-footer, .count-sheet-actions { display: none !important; }
  .ant-layout, .ant-layout-content { height: auto !important; overflow: visible !important; padding: 0 !important; background: #fff !important; }
  .count-sheet table { font-size: 11px; }
  .count-sheet tr { break-inside: avoid; }
  @page { margin: 12mm; }
}
.count-sheet table { border-collapse: collapse; width: 100%; }
.count-sheet th, .count-sheet td { border: 1px solid #bbb; padding: 4px 6px; text-align: left; }
.count-sheet th { background: #fafafa; }
.count-sheet td.num { text-align: right; white-space: nowrap; }
.count-sheet td.blank { min-width: 110px; }
`;

/**
 * The printable count sheet, in walking order (area, shelf, code) as the server
 * sorts it. A blind count prints no book column. Printed entries are shown so a
 * sheet of a count in progress doubles as a check list.
 */
export function CountSheetPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { session } = useSession();
  const navigate = useNavigate();
  const q = useQuery('counts.get', { id });
  const count = q.data?.count;
  const showBook = !!count && !(count.blind && count.status === 'open');
  const zh = locale === 'zh-CN';

  return (
    <div className="count-sheet">
      <style>{PRINT_CSS}</style>
      <Space className="count-sheet-actions" style={{ marginBottom: 12 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/counts/${id}`)}>
          {count?.number}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="count-print">
          {t('counts.print')}
        </Button>
      </Space>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {count && t('counts.sheetTitle', { number: count.number })}
      </Typography.Title>
      {count && (
        <Typography.Paragraph>
          {session.store?.code} · {session.store?.name} · {t('counts.startedAt')}{' '}
          {formatStoreTime(count.startedAt, session.store?.timezone)}
          {count.blind ? ` · ${t('counts.blind')}` : ''}
        </Typography.Paragraph>
      )}
      <table data-testid="count-sheet-table">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('counts.area')}</th>
            <th>{t('counts.code')}</th>
            <th>{t('counts.item')}</th>
            <th>{t('counts.lot')}</th>
            <th>{t('counts.units')}</th>
            {showBook && <th>{t('counts.book')}</th>}
            <th>{t('counts.counted')}</th>
          </tr>
        </thead>
        <tbody>
          {q.data?.lines.map((l, i) => (
            <tr key={l.id}>
              <td className="num">{i + 1}</td>
              <td>{zh ? l.areaNameZh : l.areaNameEn}</td>
              <td>{l.code}</td>
              <td>{zh ? l.nameZh : l.nameEn}</td>
              <td>{l.lot}</td>
              <td>{[l.baseUnit, ...l.units.map((u) => u.unit)].join(' / ')}</td>
              {showBook && <td className="num">{qtyText(l.bookQty, l.baseUnit)}</td>}
              <td className="blank">{l.entry}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Typography.Paragraph style={{ marginTop: 24 }}>{t('counts.sheetSign')}</Typography.Paragraph>
    </div>
  );
}
