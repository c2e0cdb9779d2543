import type { ColDef } from 'ag-grid-community';
import type { ReleaseDto } from '../../../src-shared/hq-api/methods/releases';
import type { MessageKey } from '../../../src-shared/i18n';
import { fileSize } from './file-size';
import { hqTime } from '../lib/time';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Every file of a release with its size, the installer first (as latest.yml lists them). */
export const filesText = (r: ReleaseDto) => r.files.map((f) => `${f.name} (${fileSize(f.size)})`).join(', ');

/** The releases grid's data columns; the page adds its actions. */
export function releaseColumns(t: T): ColDef<ReleaseDto>[] {
  return [
    { field: 'version', headerName: t('hq.releases.f.version'), width: 110, pinned: 'left', sortable: false },
    {
      colId: 'rollout',
      headerName: t('hq.releases.f.rollout'),
      width: 100,
      type: 'rightAligned',
      valueGetter: (p) => p.data?.rollout,
      valueFormatter: (p) => (p.value === undefined ? '' : `${p.value as number} %`),
    },
    { field: 'reach', headerName: t('hq.releases.f.reach'), width: 140, type: 'rightAligned' },
    { field: 'pinned', headerName: t('hq.releases.f.pinned'), width: 120, type: 'rightAligned' },
    {
      colId: 'files',
      headerName: t('hq.releases.f.files'),
      flex: 1,
      minWidth: 220,
      valueGetter: (p) => p.data && filesText(p.data),
      tooltipValueGetter: (p) => p.data && filesText(p.data),
    },
    {
      colId: 'releaseDate',
      headerName: t('hq.releases.f.releaseDate'),
      width: 150,
      valueGetter: (p) => hqTime(p.data?.releaseDate),
    },
    { field: 'channelFile', headerName: t('hq.releases.f.channel'), width: 130 },
    {
      colId: 'uploaded',
      headerName: t('hq.releases.f.uploaded'),
      width: 150,
      valueGetter: (p) => hqTime(p.data?.uploadedAt),
    },
    { field: 'uploadedBy', headerName: t('hq.releases.f.uploadedBy'), width: 100 },
  ];
}
