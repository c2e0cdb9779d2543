import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { App, Select, Typography } from 'antd';
import { useMemo } from 'react';
import type { ReleaseDto, ReleaseStoreDto } from '../../../src-shared/hq-api/methods/releases';
import { DataGrid } from '../../../src-renderer/src/components/DataGrid';
import { showApiError } from '../../../src-renderer/src/lib/form-errors';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useMutation } from '../lib/query';
import { hqTime } from '../lib/time';

const FOLLOW = '';

/** Every store with its pin (chosen here) and the version the feed offers it now. */
export function StorePins(props: { stores?: ReleaseStoreDto[]; releases: ReleaseDto[]; loading: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const pin = useMutation('releases.pin');
  const { releases } = props;
  const columns = useMemo<ColDef<ReleaseStoreDto>[]>(() => {
    const options = [
      { value: FOLLOW, label: t('hq.releases.pins.follow') },
      ...releases.map((r) => ({ value: r.version, label: r.version })),
    ];
    const choose = async (s: ReleaseStoreDto, value: string) => {
      const store = `${s.storeCode} ${s.storeName}`;
      try {
        await pin.mutate({ storeId: s.storeId, version: value === FOLLOW ? null : value });
        void message.success(
          value === FOLLOW
            ? t('hq.releases.pins.cleared', { store })
            : t('hq.releases.pins.saved', { store, version: value }),
        );
      } catch (err) {
        showApiError(err, message);
      }
    };
    return [
      { field: 'storeCode', headerName: t('hq.stores.f.code'), width: 110, pinned: 'left' },
      { field: 'storeName', headerName: t('hq.stores.f.name'), flex: 1, minWidth: 160 },
      {
        colId: 'pin',
        headerName: t('hq.releases.f.pin'),
        width: 200,
        valueGetter: (p) => p.data?.pin?.version ?? t('hq.releases.pins.follow'),
        cellRenderer: (p: ICellRendererParams<ReleaseStoreDto>) =>
          p.data && (
            <Select
              size="small"
              style={{ width: '100%' }}
              value={p.data.pin?.version ?? FOLLOW}
              options={options}
              onChange={(v: string) => void choose(p.data!, v)}
              aria-label={t('hq.releases.f.pin')}
              data-testid={`pin-${p.data.storeCode}`}
            />
          ),
      },
      {
        colId: 'offered',
        headerName: t('hq.releases.f.offered'),
        width: 140,
        valueGetter: (p) => (p.data?.offered.length ? p.data.offered.join(', ') : t('hq.releases.offered.none')),
      },
      {
        colId: 'pinnedAt',
        headerName: t('hq.releases.f.pinnedAt'),
        width: 150,
        valueGetter: (p) => hqTime(p.data?.pin?.pinnedAt),
      },
      {
        colId: 'pinnedBy',
        headerName: t('hq.releases.f.pinnedBy'),
        width: 100,
        valueGetter: (p) => p.data?.pin?.pinnedBy,
      },
    ];
  }, [t, releases, pin, message]);
  return (
    <div>
      <Typography.Paragraph type="secondary">{t('hq.releases.pins.hint')}</Typography.Paragraph>
      <DataGrid<ReleaseStoreDto>
        gridId="hq-release-pins"
        rows={props.stores}
        loading={props.loading}
        columns={columns}
        getRowId={(r) => r.storeId}
        exportName="release-pins"
        height="calc(100vh - 330px)"
      />
    </div>
  );
}
