import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ERROR_TEXT, type Language } from '../../errors';
import { RestRefusal, authHeaders, errorsOf, refusalErrors, saveFile } from '../../rest';
import { Refused } from '../../ui/Refused';
import { type ImportKind, type ImportMode, type ImportReport, isClean } from './report';

async function send(kind: ImportKind, mode: ImportMode, file: File): Promise<ImportReport> {
  const response = await fetch(`/imports/${kind}?mode=${mode}`, {
    method: 'POST',
    headers: { ...authHeaders(), 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    body: file,
  });
  if (!response.ok) throw new RestRefusal(await errorsOf(response));
  return (await response.json()) as ImportReport;
}

/**
 * Importing a sheet: the kinds the caller may import, their templates, a dry run that lists
 * every problem by row and column, and the import itself once a dry run of that very file is
 * clean (the service checks again and writes nothing when any row is bad).
 */
export default function ImportScreen({ kinds }: { kinds: ImportKind[] }) {
  const { t, i18n } = useTranslation('imports');
  const language: Language = i18n.language === 'en' ? 'en' : 'zh';
  const [kind, setKind] = useState<ImportKind>(kinds[0]!);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<ImportMode | 'template' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const start = () => {
    setReport(null);
    setResult(null);
    setError(null);
  };
  const run = async (mode: ImportMode) => {
    if (!file) return;
    setBusy(mode);
    setError(null);
    setResult(null);
    try {
      const answer = await send(kind, mode, file);
      if (mode === 'dry-run') setReport(answer);
      else {
        setResult(answer);
        setReport(null);
      }
    } catch (e) {
      setError(refusalErrors(e));
    } finally {
      setBusy(null);
    }
  };
  const template = async (k: ImportKind) => {
    setBusy('template');
    setError(null);
    await saveFile(`/templates/${k}.xlsx`, `${k}.xlsx`)
      .catch((e: unknown) => setError(refusalErrors(e)))
      .finally(() => setBusy(null));
  };
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    setFile(e.target.files?.[0] ?? null);
    start();
  };
  const onDryRun = (e: FormEvent) => {
    e.preventDefault();
    void run('dry-run');
  };
  const problemText = (code: string) =>
    ERROR_TEXT[code]?.[language] ?? (i18n.exists(`imports:problem.${code}`) ? t(`problem.${code}`) : code);
  return (
    <section aria-labelledby="import-title" data-testid="import-screen">
      <h2 id="import-title">{t('title')}</h2>
      <p>{t('intro')}</p>
      <h3>{t('templates')}</h3>
      <ul data-testid="import-templates">
        {kinds.map((k) => (
          <li key={k}>
            <a
              href={`/templates/${k}.xlsx`}
              download={`${k}.xlsx`}
              data-kind={k}
              onClick={(e) => {
                e.preventDefault();
                void template(k);
              }}
            >
              {t('template', { kind: t(`kind.${k}`) })}
            </a>
          </li>
        ))}
      </ul>
      <form onSubmit={onDryRun} data-testid="import-form" noValidate>
        {kinds.length > 1 ? (
          <div className="field">
            <label htmlFor="import-kind">{t('chooseKind')}</label>
            <select
              id="import-kind"
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as ImportKind);
                start();
              }}
            >
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="import-file">{t('chooseFile', { kind: t(`kind.${kind}`) })}</label>
          <input
            id="import-file"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={onFile}
          />
        </div>
        <div className="actions" style={{ display: 'flex', gap: 8, margin: '8px 0' }}>
          <button type="submit" disabled={!file || busy !== null} aria-busy={busy === 'dry-run' || undefined} data-testid="import-dry-run">
            {t('dryRun')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!file || !isClean(report) || busy !== null}
            aria-busy={busy === 'commit' || undefined}
            onClick={() => void run('commit')}
            data-testid="import-commit"
          >
            {t('commit')}
          </button>
        </div>
      </form>
      <div data-testid="import-refusal">
        <Refused error={error} />
      </div>
      {report ? (
        <div data-testid="import-report" data-clean={isClean(report)} data-rows={report.rows} data-valid={report.valid}>
          <p role="status">
            {isClean(report)
              ? t('clean', { rows: report.rows })
              : t('problems', { rows: report.rows, valid: report.valid, count: report.problems.length })}
          </p>
          {report.problems.length > 0 ? (
            <table data-testid="import-problems">
              <caption className="visually-hidden">{t('problemsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="number">
                    {t('col.row')}
                  </th>
                  <th scope="col">{t('col.column')}</th>
                  <th scope="col">{t('col.code')}</th>
                  <th scope="col">{t('col.message')}</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.map((p, i) => (
                  <tr key={i} data-testid="import-problem" data-row={p.row} data-column={p.column ?? ''} data-code={p.code}>
                    <td className="number">{p.row}</td>
                    <td>{p.header ? `${p.header}${p.column ? ` (${p.column})` : ''}` : (p.column ?? '—')}</td>
                    <td>
                      {problemText(p.code)} <span className="code">({p.code})</span>
                    </td>
                    <td lang="en">{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
      {result ? (
        <p className="notice" role="status" data-testid="import-result" data-created={result.created} data-committed={result.committed}>
          {t('done', { kind: t(`kind.${result.kind}`), created: result.created, rows: result.rows })}
        </p>
      ) : null}
    </section>
  );
}
