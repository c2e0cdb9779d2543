import type { ColDef } from 'ag-grid-community';
import { Typography } from 'antd';
import type { MessageKey } from '../../../src-shared/i18n';
import type { MethodName, MethodOutput } from '../../../src-shared/api';
import { useI18n } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { DataGrid } from './DataGrid';

type ListMethod = { [M in MethodName]: MethodOutput<M> extends { id: string }[] ? M : never }[MethodName];
type RowOf<M extends ListMethod> = MethodOutput<M>[number];

/** A titled grid over a list method that takes no input (master data lists). */
export function ListPage<M extends ListMethod>(props: {
  method: M;
  title: MessageKey;
  gridId: string;
  columns: ColDef<RowOf<M>>[];
}) {
  const { t } = useI18n();
  const q = useQuery(props.method, {} as never);
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t(props.title)}
      </Typography.Title>
      <DataGrid<RowOf<M>>
        gridId={props.gridId}
        rows={q.data as RowOf<M>[] | undefined}
        loading={q.loading}
        columns={props.columns}
        getRowId={(r) => r.id}
        exportName={props.gridId}
      />
    </div>
  );
}
