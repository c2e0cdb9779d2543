import { ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { App, Button, Space, Tabs, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ReleaseDto } from '../../../src-shared/hq-api/methods/releases';
import { DataGrid } from '../../../src-renderer/src/components/DataGrid';
import { showApiError } from '../../../src-renderer/src/lib/form-errors';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useMutation, useQuery } from '../lib/query';
import { releaseColumns } from './release-columns';
import { RolloutModal } from './RolloutModal';
import { StorePins } from './StorePins';
import { UploadModal } from './UploadModal';

/** The app versions HQ serves the stores: upload, rollout, pins, removal (administrators only). */
export function ReleasesPage() {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const q = useQuery('releases.list', {});
  const remove = useMutation('releases.remove');
  const [uploading, setUploading] = useState(false);
  const [rollout, setRollout] = useState<ReleaseDto | null>(null);
  const releases = useMemo(() => q.data?.releases ?? [], [q.data]);

  const columns = useMemo<ColDef<ReleaseDto>[]>(() => {
    const askRemove = (r: ReleaseDto) =>
      modal.confirm({
        title: t('hq.releases.remove.confirm', { version: r.version }),
        content: t('hq.releases.remove.help'),
        okText: t('hq.releases.remove'),
        okButtonProps: { danger: true, 'data-testid': 'release-remove-ok' },
        cancelText: t('common.cancel'),
        onOk: () =>
          remove.mutate({ version: r.version }).then(
            () => void message.success(t('hq.releases.removed', { version: r.version })),
            (err: unknown) => showApiError(err, message),
          ),
      });
    return [
      ...releaseColumns(t),
      {
        colId: 'actions',
        headerName: t('hq.releases.f.actions'),
        width: 190,
        pinned: 'right',
        sortable: false,
        filter: false,
        cellRenderer: (p: ICellRendererParams<ReleaseDto>) => {
          const r = p.data;
          if (!r) return null;
          const held = r.pinned > 0;
          return (
            <Space size={4}>
              <Button size="small" onClick={() => setRollout(r)} data-testid={`rollout-${r.version}`}>
                {t('hq.releases.rollout.edit')}
              </Button>
              <Tooltip title={held ? t('hq.releases.remove.pinnedHint', { n: r.pinned }) : undefined}>
                <Button
                  size="small"
                  danger
                  disabled={held}
                  onClick={() => askRemove(r)}
                  data-testid={`remove-${r.version}`}
                >
                  {t('hq.releases.remove')}
                </Button>
              </Tooltip>
            </Space>
          );
        },
      },
    ];
  }, [t, modal, message, remove]);

  const list = (
    <>
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true }}>
        {t('hq.releases.hint')}
      </Typography.Paragraph>
      <DataGrid<ReleaseDto>
        gridId="hq-releases"
        rows={q.data?.releases}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => r.version}
        exportName="releases"
        toolbar={
          <>
            <Button
              type="primary"
              icon={<UploadOutlined />}
              onClick={() => setUploading(true)}
              data-testid="release-upload"
            >
              {t('hq.releases.upload')}
            </Button>
            <Button icon={<ReloadOutlined />} onClick={() => void q.refetch()} aria-label={t('common.refresh')} />
          </>
        }
        height="calc(100vh - 330px)"
      />
    </>
  );

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('hq.releases.title')}
      </Typography.Title>
      <Tabs
        items={[
          { key: 'releases', label: t('hq.releases.title'), children: list },
          {
            key: 'pins',
            label: t('hq.releases.pins.title'),
            children: <StorePins stores={q.data?.stores} releases={releases} loading={q.loading} />,
          },
        ]}
        data-testid="release-tabs"
      />
      <UploadModal open={uploading} onClose={() => setUploading(false)} />
      <RolloutModal release={rollout} onClose={() => setRollout(null)} />
    </div>
  );
}
