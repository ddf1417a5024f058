import { filesEnv, loadConfig } from '@meritgraph/config';
import { DEFAULT_MAX_FILE_BYTES, IMPORT_MAX_ROWS, MAX_ATTACHMENTS_PER_SUBMISSION } from '@meritgraph/domain';
import { PASS_THROUGH_POINTS } from '@meritgraph/gateway';
import { IMPORT_MAX_BYTES } from '@meritgraph/subgraph-kit';
import { read } from './tree';

/** The README's "Files and imports" states the limits the code applies: each figure it shows is read back here. */
describe("the README's files and imports limits", () => {
  const readme = read('README.md');
  const shown = (marker: string): string => {
    const found = new RegExp(`<!-- ${marker} -->([^<]*)<!-- /${marker} -->`).exec(readme)?.[1];
    if (found === undefined) throw new Error(`README has no ${marker} figure`);
    return found;
  };
  const megabytes = (text: string) => Number(/^([\d.]+) MB$/.exec(text)?.[1]) * 1024 * 1024;
  const count = (text: string) => Number(text.replace(/,/g, ''));
  const defaults = loadConfig(filesEnv, {});

  it('shows the file limits and URL lifetimes the services apply by default', () => {
    expect(megabytes(shown('files:max-bytes'))).toBe(DEFAULT_MAX_FILE_BYTES);
    expect(defaults.FILES_MAX_BYTES).toBe(DEFAULT_MAX_FILE_BYTES);
    expect(count(shown('files:max-count'))).toBe(MAX_ATTACHMENTS_PER_SUBMISSION);
    expect(count(shown('files:upload-minutes'))).toBe(defaults.FILES_UPLOAD_MINUTES);
    expect(count(shown('files:download-minutes'))).toBe(defaults.FILES_DOWNLOAD_MINUTES);
  });

  it('shows the import limits and the points imports and templates spend', () => {
    expect(megabytes(shown('imports:max-bytes'))).toBe(IMPORT_MAX_BYTES);
    expect(count(shown('imports:max-rows'))).toBe(IMPORT_MAX_ROWS);
    expect(count(shown('points:import'))).toBe(PASS_THROUGH_POINTS.import);
    expect(count(shown('points:template'))).toBe(PASS_THROUGH_POINTS.template);
  });
});
