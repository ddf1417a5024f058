import { useTranslation } from 'react-i18next';
import { type CheckStep, CheckHistory } from '../unit/CheckHistory';
import { formatTime } from '../unit/format';

/** What the check screens show of an entry: the union's endorsement queue and the office's form check alike. */
export interface CheckedEntry {
  id: string;
  title: string;
  status: string;
  referenceNumber?: string | null;
  submittedAt?: string | null;
  organization?: { name: string } | null;
  track?: { code: string } | null;
  checks: readonly CheckStep[];
}

/** The texts of a queue: its column heads, and its per-row selection and action labels. */
export interface QueueTexts {
  choose: string;
  title: string;
  unit: string;
  track: string;
  reference: string;
  submittedAt: string;
  history: string;
  actions: string;
  select(title: string): string;
  act: string;
  actWhich(title: string): string;
}

interface QueueProps<E extends CheckedEntry> {
  rows: readonly E[];
  selected: readonly string[];
  onToggle(id: string, on: boolean): void;
  /** Each row a refused list named, by entry id. */
  refusals: ReadonlyMap<string, { code: string; text: string }>;
  onAct(entry: NoInfer<E>): void;
  texts: QueueTexts;
  /** Test ids: the table's, a row's and the row action's; and the prefix of the checkboxes' ids. */
  ids: { table: string; row: string; action: string; checkbox: string };
}

/**
 * The entries awaiting a check: each to tick for the list taken at once (all or nothing), with
 * the refusal of a refused list on its own row, its history of checks, and the one-entry action
 * (return, reject) that asks for a reason.
 */
export function CheckQueue<E extends CheckedEntry>({ rows, selected, onToggle, refusals, onAct, texts, ids }: QueueProps<E>) {
  const { i18n } = useTranslation();
  return (
    <table data-testid={ids.table}>
      <thead>
        <tr>
          {[texts.choose, texts.title, texts.unit, texts.track, texts.reference, texts.submittedAt, texts.history, texts.actions].map(
            (head) => (
              <th scope="col" key={head}>
                {head}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => {
          const refused = refusals.get(s.id);
          return (
            <tr key={s.id} data-testid={ids.row} data-id={s.id} data-status={s.status} data-refused={refused?.code}>
              <td>
                <input
                  type="checkbox"
                  id={`${ids.checkbox}-${s.id}`}
                  checked={selected.includes(s.id)}
                  onChange={(e) => onToggle(s.id, e.target.checked)}
                />
                <label htmlFor={`${ids.checkbox}-${s.id}`} className="visually-hidden">
                  {texts.select(s.title)}
                </label>
              </td>
              <td>
                {s.title}
                {refused ? (
                  <span className="field-error" role="alert" data-testid="row-refusal" data-code={refused.code}>
                    {refused.text} ({refused.code})
                  </span>
                ) : null}
              </td>
              <td>{s.organization?.name ?? '—'}</td>
              <td>{s.track?.code ?? '—'}</td>
              <td>{s.referenceNumber ?? '—'}</td>
              <td>{formatTime(s.submittedAt, i18n.language)}</td>
              <td>
                <CheckHistory checks={s.checks} />
              </td>
              <td>
                <button type="button" onClick={() => onAct(s)} data-testid={ids.action}>
                  {texts.act}
                  <span className="visually-hidden">{texts.actWhich(s.title)}</span>
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

interface CheckedProps<E extends CheckedEntry> {
  heading: string;
  rows: readonly E[];
  /** A row's test id; the section's heading id is made from it. */
  testId: string;
  texts: { none: string; title: string; unit: string; reference: string; status: string; history: string; reason: string };
  statusText(status: string): string;
  /** The reason column (a return's or a rejection's), when the list has one. */
  reason?: { of(entry: E): string | null | undefined; testId: string };
}

/** Entries a check has dealt with (endorsed, returned, accepted, rejected), each with its status and history. */
export function CheckedList<E extends CheckedEntry>({ heading, rows, testId, texts, statusText, reason }: CheckedProps<E>) {
  const id = `${testId}-heading`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {rows.length === 0 ? (
        <p className="hint">{texts.none}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{texts.title}</th>
              <th scope="col">{texts.unit}</th>
              <th scope="col">{texts.reference}</th>
              <th scope="col">{texts.status}</th>
              {reason ? <th scope="col">{texts.reason}</th> : null}
              <th scope="col">{texts.history}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id} data-testid={testId} data-id={s.id} data-status={s.status}>
                <td>{s.title}</td>
                <td>{s.organization?.name ?? '—'}</td>
                <td>{s.referenceNumber ?? '—'}</td>
                <td>
                  <span className="status">{statusText(s.status)}</span>
                </td>
                {reason ? <td data-testid={reason.testId}>{reason.of(s) ?? '—'}</td> : null}
                <td>
                  <CheckHistory checks={s.checks} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
