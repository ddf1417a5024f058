import { useTranslation } from 'react-i18next';
import { formatSize } from '../../rest';

/** One row of a file list: its place, name and size. */
export interface FileRow {
  /** What the row's buttons name it by (an attachment's id, or an entry file's position). */
  key: string;
  position: number;
  fileName: string;
  contentType: string;
  size: number;
}

/**
 * A submission's files as a table: place, name, size, a download button for each, and a
 * remove button while the files may still change.
 */
export function FileTable({
  files,
  busyKey,
  onDownload,
  onRemove,
}: {
  files: FileRow[];
  /** The row whose download or removal is under way; every button waits meanwhile. */
  busyKey: string | null;
  onDownload(row: FileRow): void;
  onRemove?: (row: FileRow) => void;
}) {
  const { t, i18n } = useTranslation('files');
  if (files.length === 0) return <p data-testid="files-none">{t('none')}</p>;
  return (
    <table data-testid="files-list">
      <caption className="visually-hidden">{t('caption')}</caption>
      <thead>
        <tr>
          <th scope="col" className="number">
            {t('col.position')}
          </th>
          <th scope="col">{t('col.name')}</th>
          <th scope="col" className="number">
            {t('col.size')}
          </th>
          <th scope="col">{t('col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {files.map((f) => (
          <tr key={f.key} data-testid="file-row" data-key={f.key} data-name={f.fileName} data-size={f.size}>
            <td className="number">{f.position}</td>
            <td data-testid="file-name">{f.fileName}</td>
            <td className="number">{formatSize(f.size, i18n.language)}</td>
            <td>
              <button
                type="button"
                onClick={() => onDownload(f)}
                disabled={busyKey !== null}
                aria-busy={busyKey === f.key || undefined}
                aria-label={t('download', { name: f.fileName })}
                data-testid="file-download"
              >
                {t('downloadShort')}
              </button>{' '}
              {onRemove ? (
                <button
                  type="button"
                  onClick={() => onRemove(f)}
                  disabled={busyKey !== null}
                  aria-label={t('delete', { name: f.fileName })}
                  data-testid="file-remove"
                >
                  {t('deleteShort')}
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
