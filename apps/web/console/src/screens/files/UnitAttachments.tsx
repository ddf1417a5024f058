import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { UnitAttachmentsDocument, UnitCreateAttachmentUploadDocument, UnitDeleteAttachmentDocument } from '@meritgraph/client';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RestRefusal, saveFile } from '../../rest';
import { Refused } from '../../ui/Refused';
import { type FileRow, FileTable } from './FileTable';
import { ACCEPT, type UploadProgress, failureOf, uploadAttachment } from './upload';

/**
 * A submission's files on the unit's screen: the list with sizes and downloads, and while it
 * is a draft a picker that uploads one file at a time (with its progress) and a remove button
 * on each; once entered, the list only, with a notice that the files are fixed.
 */
export function UnitAttachments({ submissionId, editable }: { submissionId: string; editable: boolean }) {
  const { t } = useTranslation('files');
  const client = useApolloClient();
  const { data, error, refetch } = useQuery(UnitAttachmentsDocument, {
    variables: { id: submissionId },
    fetchPolicy: 'cache-and-network',
  });
  const [declare] = useMutation(UnitCreateAttachmentUploadDocument);
  const [remove] = useMutation(UnitDeleteAttachmentDocument);
  const [file, setFile] = useState<File | null>(null);
  // A new picker after each upload, so that the chosen file is cleared.
  const [picker, setPicker] = useState(0);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const uploading = progress !== null && progress.step !== 'done';
  const files: FileRow[] = (data?.submission?.attachments ?? []).map((a) => ({
    key: a.id,
    position: a.position,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
  }));

  const onUpload = async (e: FormEvent) => {
    e.preventDefault();
    if (!file || uploading) return;
    setFailure(null);
    setNotice(null);
    try {
      await uploadAttachment(
        submissionId,
        file,
        async (input) => {
          const result = await declare({ variables: { input } });
          return result.data!.createAttachmentUpload;
        },
        setProgress,
      );
      await refetch();
      setNotice(t('uploaded', { name: file.name }));
      setFile(null);
      setPicker((p) => p + 1);
    } catch (e) {
      setFailure(failureOf(e));
      setProgress(null);
    }
  };
  /** Asks for the file's URL afresh (they last minutes) and saves it under its name. */
  const onDownload = async (row: FileRow) => {
    setBusyKey(row.key);
    setFailure(null);
    try {
      const fresh = await client.query({ query: UnitAttachmentsDocument, variables: { id: submissionId }, fetchPolicy: 'network-only' });
      const url = fresh.data?.submission?.attachments.find((a) => a.id === row.key)?.downloadUrl;
      if (!url) throw new RestRefusal([{ message: 'no download URL', extensions: { code: 'FORBIDDEN' } }]);
      await saveFile(url, row.fileName);
    } catch (e) {
      setFailure(failureOf(e));
    } finally {
      setBusyKey(null);
    }
  };
  const onRemove = async (row: FileRow) => {
    setBusyKey(row.key);
    setFailure(null);
    setNotice(null);
    try {
      await remove({ variables: { id: row.key } });
      setNotice(t('deleted', { name: row.fileName }));
    } catch (e) {
      setFailure(failureOf(e));
    } finally {
      setBusyKey(null);
    }
  };

  return (
    <section aria-labelledby="files-title" data-testid="unit-attachments" data-editable={editable}>
      <h2 id="files-title">{t('title')}</h2>
      <Refused error={error} />
      {!editable ? (
        <p className="notice" data-testid="files-locked">
          {t('locked')}
        </p>
      ) : null}
      <FileTable
        files={files}
        busyKey={busyKey ?? (uploading ? '' : null)}
        onDownload={(row) => void onDownload(row)}
        onRemove={editable ? (row) => void onRemove(row) : undefined}
      />
      {editable ? (
        <form onSubmit={(e) => void onUpload(e)} data-testid="upload-form" noValidate>
          <div className="field">
            <label htmlFor="files-input">{t('choose')}</label>
            <input
              key={picker}
              id="files-input"
              type="file"
              accept={ACCEPT}
              aria-describedby="files-hint"
              disabled={uploading}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setProgress(null);
                setFailure(null);
              }}
            />
            <small id="files-hint">{t('hint')}</small>
          </div>
          <div className="actions" style={{ display: 'flex', gap: 8, alignItems: 'center', margin: '8px 0' }}>
            <button type="submit" className="primary" disabled={!file || uploading} aria-busy={uploading || undefined} data-testid="upload">
              {t('upload')}
            </button>
            {progress && uploading ? (
              <>
                {progress.step === 'uploading' ? (
                  <progress aria-label={t('progress')} value={progress.loaded} max={progress.total || 1} data-testid="upload-progress" />
                ) : null}
                <span role="status" data-testid="upload-step" data-step={progress.step}>
                  {t(`step.${progress.step}`)}
                </span>
              </>
            ) : null}
          </div>
        </form>
      ) : null}
      {notice ? (
        <p className="notice" role="status" data-testid="files-notice">
          {notice}
        </p>
      ) : null}
      <div data-testid="files-refusal">
        <Refused error={failure} />
      </div>
    </section>
  );
}
