import { useApolloClient, useQuery } from '@apollo/client/react';
import { ExpertEntryFilesDocument } from '@meritgraph/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RestRefusal, saveFile } from '../../rest';
import { Refused } from '../../ui/Refused';
import { type FileRow, FileTable } from './FileTable';
import { failureOf } from './upload';

/**
 * An entry's application documents on the expert's screen: the list with a download button
 * each, under neutral names in a blind round. Refused (FORBIDDEN) for an expert who is not
 * assigned to the entry, stepped back, or whose round is not open.
 */
export function EntryAttachments({ entryId }: { entryId: string }) {
  const { t } = useTranslation('files');
  const client = useApolloClient();
  const { data, error } = useQuery(ExpertEntryFilesDocument, {
    variables: { entryId },
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const attachments = data?.entry?.attachments;
  const files: FileRow[] = (attachments ?? []).map((f) => ({
    key: String(f.position),
    position: f.position,
    fileName: f.fileName,
    contentType: f.contentType,
    size: f.size,
  }));

  /** Asks for the file's URL afresh (they last minutes) and saves it under the name shown. */
  const onDownload = async (row: FileRow) => {
    setBusyKey(row.key);
    setFailure(null);
    try {
      const fresh = await client.query({ query: ExpertEntryFilesDocument, variables: { entryId }, fetchPolicy: 'network-only' });
      if (fresh.error) throw fresh.error;
      const url = fresh.data?.entry?.attachments?.find((f) => f.position === row.position)?.downloadUrl;
      if (!url) throw new RestRefusal([{ message: 'no download URL', extensions: { code: 'FORBIDDEN' } }]);
      await saveFile(url, row.fileName);
    } catch (e) {
      setFailure(failureOf(e));
    } finally {
      setBusyKey(null);
    }
  };

  return (
    <section aria-labelledby="entry-files-title" data-testid="entry-attachments">
      <h2 id="entry-files-title">{t('entryTitle')}</h2>
      <div data-testid="entry-files-refusal">
        <Refused error={error} />
        <Refused error={failure} />
      </div>
      {attachments ? (
        <>
          {data?.entry?.round?.blind ? <p className="notice">{t('neutral')}</p> : null}
          <FileTable files={files} busyKey={busyKey} onDownload={(row) => void onDownload(row)} />
        </>
      ) : null}
    </section>
  );
}
