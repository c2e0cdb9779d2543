import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Tag, Tooltip } from 'antd';
import { Link } from 'react-router';
import type { StoreHealthDto } from '../../../src-shared/hq-api/methods/stores';
import type { Locale, MessageKey } from '../../../src-shared/i18n';
import { regionName } from '../regions/region-name';
import { hqTime, zonedTime } from '../lib/time';
import { healthIssues } from './health';
import { refusalReason } from './refusal';
import { skewText } from './skew';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;
type Row = ICellRendererParams<StoreHealthDto>;

export const STATUS_COLOR = { pending: 'blue', active: 'green', revoked: 'default' } as const;

/** A store's status as read: a waiting store says until when its code works, or that it expired. */
export function statusText(t: T, s: StoreHealthDto, now: number): string {
  if (healthIssues(s, now).includes('codeExpired')) return t('hq.stores.codeExpired');
  // A code lives a week: month and day are enough in a list cell, the tag's tooltip gives the minute.
  if (s.status === 'pending' && s.codeExpiresAt)
    return t('hq.stores.pendingUntil', { at: hqTime(s.codeExpiresAt).slice(5, 10) });
  return t(`hq.stores.status.${s.status}`);
}

/**
 * The store list's columns, narrow enough to fit a 1366 px screen beside the
 * menu: each health figure with warning colours where it needs a look
 * (global.css: cell-danger, cell-warn, cell-muted), a header tooltip saying
 * what it counts, values that sort and filter as numbers and times, and
 * texts that export as shown. Actions are on each store's page.
 */
export function storeColumns(t: T, now: number, locale: Locale): ColDef<StoreHealthDto>[] {
  const issues = (s: StoreHealthDto | undefined) => (s ? healthIssues(s, now) : []);
  const count = (field: 'backlog' | 'refusedCount' | 'deadLetters' | 'lateEntries', danger: boolean) =>
    ({
      field,
      width: 80,
      // Two-line headers keep the health columns on one screen.
      wrapHeaderText: true,
      autoHeaderHeight: true,
      type: 'rightAligned',
      filter: 'agNumberColumnFilter',
      cellClassRules: { [danger ? 'cell-danger' : 'cell-warn']: (p) => (p.value as number) > 0 },
    }) satisfies ColDef<StoreHealthDto>;
  return [
    {
      field: 'code',
      headerName: t('hq.stores.f.code'),
      width: 95,
      pinned: 'left',
      cellRenderer: (p: Row) =>
        p.data && (
          <Link to={`/stores/${p.data.id}`} data-testid={`store-link-${p.data.code}`}>
            {p.data.code}
          </Link>
        ),
    },
    { field: 'name', headerName: t('hq.stores.f.name'), flex: 1, minWidth: 110 },
    {
      colId: 'region',
      headerName: t('hq.stores.f.region'),
      width: 90,
      valueGetter: (p) => p.data?.region && regionName(p.data.region, locale),
    },
    {
      colId: 'status',
      headerName: t('hq.stores.f.status'),
      width: 165,
      valueGetter: (p) => p.data && statusText(t, p.data, now),
      tooltipValueGetter: (p) =>
        p.data?.status === 'pending' && p.data.codeExpiresAt
          ? t('hq.code.expires', { at: hqTime(p.data.codeExpiresAt) })
          : undefined,
      cellRenderer: (p: Row) =>
        p.data && (
          <Tag color={issues(p.data).includes('codeExpired') ? 'red' : STATUS_COLOR[p.data.status]}>
            {p.value as string}
          </Tag>
        ),
    },
    {
      colId: 'lastContact',
      headerName: t('hq.stores.f.lastContact'),
      headerTooltip: t('hq.stores.h.lastContact'),
      width: 170,
      // On the store's clock (labelled when it is not the reader's): what the store's own staff would quote.
      valueGetter: (p) =>
        p.data && (p.data.lastContactAt ? zonedTime(p.data.lastContactAt, p.data.timeZone) : t('hq.stores.never')),
      // ISO text sorts as time; "never" sorts before any time.
      comparator: (_a, _b, a, b) => (a.data?.lastContactAt ?? '').localeCompare(b.data?.lastContactAt ?? ''),
      // The zone label may not fit the cell: the tooltip gives it whole.
      tooltipValueGetter: (p) =>
        p.data && issues(p.data).includes('clockSkew')
          ? t('hq.stores.skewNote', { skew: skewText(t, p.data.clockSkewMs!) })
          : (p.value as string | undefined),
      cellClassRules: {
        'cell-warn': (p) => issues(p.data).some((i) => i === 'silent' || i === 'neverContacted' || i === 'clockSkew'),
        'cell-muted': (p) => !p.data?.lastContactAt && p.data?.status !== 'active',
      },
    },
    { ...count('backlog', false), headerName: t('hq.stores.f.backlog'), headerTooltip: t('hq.stores.h.backlog') },
    {
      colId: 'appVersion',
      headerName: t('hq.stores.f.appVersion'),
      headerTooltip: t('hq.stores.h.appVersion'),
      wrapHeaderText: true,
      autoHeaderHeight: true,
      width: 95,
      valueGetter: (p) =>
        p.data?.appVersion
          ? `${p.data.appVersion}${p.data.schemaVersion === null ? '' : ` / ${p.data.schemaVersion}`}`
          : '',
    },
    {
      ...count('refusedCount', true),
      headerName: t('hq.stores.f.refused'),
      headerTooltip: t('hq.stores.h.refused'),
      tooltipValueGetter: (p) =>
        p.data?.lastRefusal &&
        `${refusalReason(t, p.data.lastRefusal.code)} (${zonedTime(p.data.lastRefusal.at, p.data.timeZone)}): ${p.data.lastRefusal.message}`,
    },
    {
      ...count('deadLetters', true),
      headerName: t('hq.stores.f.deadLetters'),
      headerTooltip: t('hq.stores.h.deadLetters'),
    },
    { ...count('lateEntries', false), headerName: t('hq.stores.f.late'), headerTooltip: t('hq.stores.h.late') },
    {
      colId: 'audit',
      headerName: t('hq.stores.f.audit'),
      headerTooltip: t('hq.stores.h.audit'),
      wrapHeaderText: true,
      autoHeaderHeight: true,
      width: 110,
      valueGetter: (p) => p.data && t(p.data.auditMismatch ? 'hq.stores.audit.mismatch' : 'hq.stores.audit.ok'),
      cellRenderer: (p: Row) =>
        p.data &&
        (p.data.auditMismatch ? (
          <Tooltip title={t('hq.stores.audit.mismatchHelp')}>
            <Tag color="red" data-testid={`audit-mismatch-${p.data.code}`}>
              {p.value as string}
            </Tag>
          </Tooltip>
        ) : (
          <span className="cell-muted">{p.value as string}</span>
        )),
    },
  ];
}
