import { App, Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { MethodOutput } from '../../../../src-shared/api';
import { ApiError } from '../../../../src-shared/errors';
import { formatScaled } from '../../../../src-shared/quantity';
import { money } from '../../lib/money';
import { call } from '../../lib/api';
import { showApiError } from '../../lib/form-errors';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { createScanQueue, useScanner } from '../../lib/scanner';
import { faultText } from '../../lib/fault-text';
import { EMPTY_DRAFT, draftToInput, type LineDraft, type PostProblems } from './line-draft';
import { LineEditor } from './LineEditor';
import { PoLinesTable } from './PoLinesTable';
import { PostedLines } from './PostedLines';
import { ScanLog, type ScanEntry } from './ScanLog';
import { useWeightPanel } from './WeightPanel';

type Receipt = MethodOutput<'receipts.get'>;
type Scan = MethodOutput<'receiving.scan'>;

/**
 * The receiving desk: pick a line by scanning (item barcode, variable-measure
 * EAN-13, GS1-128) or from the order, put the crate on the scale, fill lot and
 * expiry, post; the label prints as the line posts. Everything is reachable
 * from the keyboard; scans are recognised whatever has focus.
 */
export function ReceivePage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const receipt = useQuery('receipts.get', { id });
  const pickers = useQuery('ops.pickers', {});
  const settings = useQuery('receipts.settings', {});
  const store = useQuery('store.get', {});
  const devices = useQuery('devices.list', {});

  const [draft, setDraft] = useState<LineDraft>(EMPTY_DRAFT);
  const [scaleId, setScaleId] = useState<string | null>(null);
  const [tareGrams, setTareGrams] = useState(0);
  const [problems, setProblems] = useState<PostProblems | null>(null);
  const [override, setOverride] = useState('');
  const [posting, setPosting] = useState(false);
  const [scans, setScans] = useState<ScanEntry[]>([]);

  const scales = useMemo(() => (devices.data ?? []).filter((d) => d.kind === 'scale' && d.active), [devices.data]);
  useEffect(() => {
    if (!scaleId && scales.length) setScaleId((scales.find((s) => s.isDefault) ?? scales[0]!).id);
  }, [scales, scaleId]);

  const items = useMemo(() => new Map((pickers.data?.items ?? []).map((i) => [i.id, i])), [pickers.data]);
  const item = draft.itemId ? items.get(draft.itemId) : undefined;
  const r: Receipt | undefined = receipt.data;
  const editable = r?.status === 'open';

  const scaleCommand = useCallback(
    async (command: 'zero' | 'tare' | 'clearTare') => {
      if (!scaleId) return;
      try {
        await call('devices.scaleCommand', { id: scaleId, command });
      } catch (err) {
        showApiError(err, message);
      }
    },
    [scaleId, message],
  );
  const weight = useWeightPanel({
    scales,
    scaleId,
    onScale: setScaleId,
    tarePresets: store.data?.settings.tarePresets ?? [],
    tareGrams,
    onTare: setTareGrams,
    onScaleCommand: (c) => void scaleCommand(c),
  });

  /** Chooses the item (and its open order line) for the next line, keeping nothing from the last one. */
  const pick = useCallback(
    (itemId: string, extra: Partial<LineDraft> = {}) => {
      const poLine =
        r?.poLines.find((l) => l.itemId === itemId && l.qtyOpen - l.draftQty > 0) ??
        r?.poLines.find((l) => l.itemId === itemId);
      const it = items.get(itemId);
      const countUnit = it?.units.find((u) => u.unit !== it.baseUnit)?.unit ?? it?.baseUnit ?? '';
      setProblems(null);
      setOverride('');
      setDraft({
        ...EMPTY_DRAFT,
        itemId,
        poLineId: poLine?.id ?? null,
        mode: it?.baseUnit === 'g' && scales.length ? 'weigh' : 'type',
        unit: poLine?.packUnit && it?.units.some((u) => u.unit === poLine.packUnit) ? poLine.packUnit : countUnit,
        ...extra,
      });
    },
    [r, items, scales.length],
  );

  // Scans go through a queue: 20 a second are all logged and applied in order, none dropped.
  const pickRef = useRef(pick);
  pickRef.current = pick;
  const queue = useMemo(
    () =>
      createScanQueue(async (text) => {
        const at = new Date();
        let outcome: Scan | null = null;
        let error = '';
        try {
          outcome = await call('receiving.scan', { text });
        } catch (err) {
          error = err instanceof ApiError ? err.message : String(err);
        }
        setScans((s) => [{ at, text, outcome, error }, ...s].slice(0, 200));
        if (outcome?.status === 'item' && outcome.item) {
          const weighedByCode = outcome.qty !== undefined;
          pickRef.current(outcome.item.id, {
            ...(weighedByCode ? { mode: 'type' as const, qty: formatScaled(outcome.qty!, 1_000_000), unit: 'kg' } : {}),
            ...(outcome.lot ? { lot: outcome.lot } : {}),
            ...(outcome.expiry ? { expiry: outcome.expiry } : {}),
          });
        }
      }),
    [],
  );
  useScanner(queue, editable);
  const pickPoLine = useCallback((l: { itemId: string }) => pickRef.current(l.itemId), []);

  const post = async (opts: { confirm?: boolean } = {}) => {
    if (!r || !item) return;
    setPosting(true);
    try {
      const out = await call('receiving.post', {
        receiptId: r.id,
        line: draftToInput(draft, weight.live, item.baseUnit),
        ...(opts.confirm ? { confirm: true } : {}),
        ...(override.trim() ? { tempOverride: override.trim() } : {}),
      });
      const printed = out.print?.status === 'printed';
      void message[printed || !out.print ? 'success' : 'warning'](
        out.print && !printed
          ? t('receiving.postedNotPrinted', { line: out.line.lineNo, error: faultText(t, out.print.error) })
          : t('receiving.posted', { line: out.line.lineNo }),
      );
      setDraft(EMPTY_DRAFT);
      setProblems(null);
      setOverride('');
    } catch (err) {
      if (err instanceof ApiError && err.data.fields?.length) {
        const paths = err.data.fields.map((f) => f.path);
        setProblems({
          messages: err.data.fields.map((f) => f.message),
          needsConfirm: paths.includes('confirm'),
          needsOverride: paths.includes('tempOverride'),
        });
      } else {
        showApiError(err, message);
      }
    } finally {
      setPosting(false);
    }
  };

  const finish = async () => {
    if (!r) return;
    try {
      await call('receipts.finish', { receiptId: r.id });
      void message.success(t('receiving.finished', { number: r.number }));
      navigate('/receiving');
    } catch (err) {
      showApiError(err, message);
    }
  };

  if (!r) return <Typography.Text type="secondary">{t('app.loading')}</Typography.Text>;
  const zh = locale === 'zh-CN';
  return (
    <div data-testid="receive-page">
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('receiving.title')} {r.number}{' '}
          <Tag color={r.status === 'open' ? 'blue' : 'default'}>{t(`receiving.status.${r.status}`)}</Tag>
        </Typography.Title>
        <Space>
          <Button onClick={() => navigate('/receiving')}>{t('receiving.back')}</Button>
          {editable && (
            <Button onClick={() => void finish()} data-testid="receipt-finish">
              {t('receiving.finish')}
            </Button>
          )}
        </Space>
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 4 }} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t('receiving.supplier')}>{r.supplierName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('receiving.po')}>{r.poNumber ?? t('receiving.noPo')}</Descriptions.Item>
        <Descriptions.Item label={t('receiving.area')}>{r.areaCode}</Descriptions.Item>
        <Descriptions.Item label={t('receiving.value')}>{money(r.value)}</Descriptions.Item>
      </Descriptions>
      <Row gutter={12}>
        <Col xs={24} xl={9}>
          {r.poId ? (
            <PoLinesTable lines={r.poLines} selected={draft.poLineId} onPick={pickPoLine} />
          ) : (
            <Typography.Text type="secondary">{t('receiving.scanOrPick')}</Typography.Text>
          )}
          <ScanLog entries={scans} />
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('receiving.currentLine')} data-testid="current-line">
            {editable ? (
              <LineEditor
                draft={draft}
                setDraft={setDraft}
                items={pickers.data?.items ?? []}
                onPickItem={(itemId) => pick(itemId)}
                item={item}
                itemName={item ? (zh ? item.nameZh : item.nameEn) : ''}
                weightPanel={scales.length ? weight.panel : null}
                live={weight.live}
                rejectReasons={settings.data?.rejectReasons ?? []}
                problems={problems}
                override={override}
                setOverride={setOverride}
                posting={posting}
                onPost={(confirm) => void post({ confirm })}
              />
            ) : (
              <Typography.Text type="secondary">{t('receiving.closed')}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={6}>
          <PostedLines lines={r.lines} />
        </Col>
      </Row>
    </div>
  );
}
