import { FolderOpenOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Progress, Space, Table, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../src-shared/errors';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { fileSize } from './file-size';
import { useMutation } from '../lib/query';
import { putReleaseFile } from './put-file';
import { findManifest, planUpload, topLevel, type Problem } from './upload-plan';

type RowState = 'waiting' | 'sending' | 'done' | 'refused';
interface Row {
  name: string;
  size: number;
  sent: number;
  state: RowState;
}

const rowOf = (f: File): Row => ({ name: f.name, size: f.size, sent: 0, state: 'waiting' });

/** An API refusal as one text: HQ repeats a refused file's reason as its field message, said once here. */
function refusalText(err: unknown): string {
  if (!(err instanceof ApiError)) throw err;
  const more = (err.data.fields ?? []).map((f) => f.message).filter((m) => m !== err.message);
  return [err.message, ...more].join(' ');
}

/**
 * Uploading a release: HQ reads latest.yml first (releases.stage) and says
 * which files belong to it; each is then sent as it is, with its progress,
 * and checked by HQ against latest.yml as it arrives; publishing checks the
 * whole again. Any refusal stops the upload, names the file and what
 * differed, and leaves nothing at HQ.
 */
export function UploadModal(props: { open: boolean; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const stage = useMutation('releases.stage');
  const publish = useMutation('releases.publish');
  const discard = useMutation('releases.discard');
  const [picked, setPicked] = useState<{ files: File[]; folder: boolean }>({ files: [], folder: false });
  const [rows, setRows] = useState<Row[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!props.open) return;
    setPicked({ files: [], folder: false });
    setRows([]);
    setRefusal(null);
    setNote(null);
    setBusy(null);
  }, [props.open]);

  const pick = (list: FileList | null, folder: boolean) => {
    const files = folder ? topLevel([...(list ?? [])]) : [...(list ?? [])];
    setPicked({ files, folder });
    setRows(files.map(rowOf));
    setRefusal(null);
    setNote(null);
  };
  const update = (name: string, change: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.name === name ? { ...r, ...change } : r)));
  const refuse = (text: string) => {
    setRefusal(text);
    setBusy(null);
  };
  const say = (p: Problem) => t(p.key, p.params);

  const start = async () => {
    setRefusal(null);
    const found = findManifest(picked.files);
    if ('problem' in found) return refuse(say(found.problem));
    const manifest = found.manifest;
    setBusy(t('hq.releases.upload.checking', { file: manifest.name }));
    let staged;
    try {
      staged = await stage.mutate({ channelFile: manifest.name, manifest: await manifest.text() });
    } catch (err) {
      update(manifest.name, { state: 'refused' });
      return refuse(refusalText(err));
    }
    const plan = planUpload(staged.files, picked.files, manifest, picked.folder);
    if ('problem' in plan) {
      await discard.mutate({ stageId: staged.stageId }).catch(() => undefined);
      return refuse(say(plan.problem));
    }
    setRows([{ ...rowOf(manifest), sent: manifest.size, state: 'done' }, ...plan.send.map(rowOf)]);
    if (plan.leftOut > 0) setNote(t('hq.releases.upload.folderLeftOut', { n: plan.leftOut }));
    for (const file of plan.send) {
      setBusy(t('hq.releases.upload.sending', { file: file.name }));
      update(file.name, { state: 'sending' });
      const put = await putReleaseFile(staged.stageId, file, (sent) => update(file.name, { sent }));
      if (!put.ok) {
        update(file.name, { state: 'refused' });
        return refuse(put.message ?? t('hq.releases.e.file.aborted', { file: file.name }));
      }
      update(file.name, { state: 'done', sent: file.size });
    }
    setBusy(t('hq.releases.upload.publishing'));
    try {
      const release = await publish.mutate({ stageId: staged.stageId });
      void message.success(t('hq.releases.upload.done', { version: release.version }));
      props.onClose();
    } catch (err) {
      refuse(refusalText(err));
    }
  };

  const percent = (r: Row) => (r.size === 0 ? 100 : Math.min(100, Math.floor((r.sent / r.size) * 100)));
  const status = (s: RowState) => (s === 'refused' ? 'exception' : s === 'done' ? 'success' : 'active');

  return (
    <Modal
      open={props.open}
      title={t('hq.releases.upload.title')}
      width={720}
      onCancel={busy ? undefined : props.onClose}
      closable={!busy}
      maskClosable={false}
      destroyOnHidden
      data-testid="release-upload-modal"
      footer={
        <Space>
          <Button onClick={props.onClose} disabled={!!busy} data-testid="release-upload-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            icon={<UploadOutlined />}
            disabled={picked.files.length === 0}
            loading={!!busy}
            onClick={() => void start()}
            data-testid="release-upload-start"
          >
            {t('hq.releases.upload.start')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('hq.releases.upload.pickHint')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Button icon={<UploadOutlined />} disabled={!!busy} onClick={() => filesInput.current?.click()}>
          {t('hq.releases.upload.pick')}
        </Button>
        <Button icon={<FolderOpenOutlined />} disabled={!!busy} onClick={() => folderInput.current?.click()}>
          {t('hq.releases.upload.pickFolder')}
        </Button>
      </Space>
      <input
        ref={filesInput}
        type="file"
        multiple
        hidden
        data-testid="release-files-input"
        onChange={(e) => {
          pick(e.target.files, false);
          e.target.value = '';
        }}
      />
      <input
        ref={(el) => {
          folderInput.current = el;
          // Not in React's typings: the attribute that makes the browser pick a folder.
          el?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        hidden
        data-testid="release-folder-input"
        onChange={(e) => {
          pick(e.target.files, true);
          e.target.value = '';
        }}
      />
      {rows.length > 0 && (
        <Table<Row>
          size="small"
          rowKey="name"
          pagination={false}
          scroll={{ y: 220 }}
          dataSource={rows}
          data-testid="release-upload-files"
          columns={[
            { title: t('hq.releases.f.files'), dataIndex: 'name', ellipsis: true },
            { title: t('hq.releases.f.size'), width: 100, align: 'right', render: (_, r) => fileSize(r.size) },
            {
              title: '',
              width: 200,
              render: (_, r) =>
                r.state === 'waiting' ? (
                  <Typography.Text type="secondary">{t('hq.releases.upload.waiting')}</Typography.Text>
                ) : (
                  <Progress
                    percent={percent(r)}
                    size="small"
                    status={status(r.state)}
                    data-testid={`release-progress-${r.name}`}
                  />
                ),
            },
          ]}
        />
      )}
      {busy && (
        <Typography.Paragraph style={{ marginTop: 12 }} data-testid="release-upload-busy">
          {busy}
        </Typography.Paragraph>
      )}
      {note && <Alert style={{ marginTop: 12 }} type="info" showIcon title={note} />}
      {refusal && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          title={t('hq.releases.upload.refused')}
          description={refusal}
          data-testid="release-upload-refusal"
        />
      )}
    </Modal>
  );
}
