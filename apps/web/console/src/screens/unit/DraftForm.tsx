import type { AchievementKind, UnitWorkspaceQuery } from '@meritgraph/client';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Refusal } from '../../errors';
import { FieldError } from '../../ui/Refused';

const ROW = { display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'flex-end', margin: '0 0 8px' } as const;
const CELL = { display: 'flex', flexDirection: 'column', gap: 2 } as const;
export const ACTIONS = { display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', margin: '8px 0' } as const;

export const KINDS: AchievementKind[] = ['TECHNOLOGY', 'PRODUCT', 'PLATFORM', 'FACILITY', 'PROCESS', 'SOFTWARE', 'OTHER'];

export interface MetricRow {
  name: string;
  value: string;
  unit: string;
}

/** The application as the form holds it: text as typed, turned into the API's input on save. */
export interface DraftValues {
  contestId: string;
  trackId: string;
  title: string;
  summary: string;
  achievementKind: string;
  leaderId: string;
  teamMemberIds: string[];
  keywords: string;
  applicationEffect: string;
  metrics: MetricRow[];
}

export const EMPTY_DRAFT: DraftValues = {
  contestId: '',
  trackId: '',
  title: '',
  summary: '',
  achievementKind: '',
  leaderId: '',
  teamMemberIds: [],
  keywords: '',
  applicationEffect: '',
  metrics: [],
};

/** The fields every save sends (an empty choice is sent as null, so that it can be cleared). */
export function contentOf(v: DraftValues) {
  const text = (s: string) => (s.trim() ? s : null);
  return {
    trackId: v.trackId || null,
    title: v.title,
    summary: text(v.summary),
    achievementKind: (v.achievementKind || null) as AchievementKind | null,
    leaderId: v.leaderId || null,
    teamMemberIds: v.teamMemberIds,
    keywords: v.keywords
      .split(/[,，、;；]/)
      .map((k) => k.trim())
      .filter(Boolean),
    applicationEffect: text(v.applicationEffect),
    metrics: v.metrics.map((m) => ({ name: m.name, value: m.value.trim() === '' ? NaN : Number(m.value), unit: m.unit })),
  };
}

type Contest = NonNullable<UnitWorkspaceQuery['participations']>['nodes'][number]['contest'];
type Person = NonNullable<UnitWorkspaceQuery['people']>['nodes'][number];

interface Props {
  values: DraftValues;
  onChange(values: DraftValues): void;
  onSave(e: FormEvent): void;
  refusal: Refusal | null;
  /** The contests a new draft may be started in; null once the draft exists (its contest is fixed). */
  contests: NonNullable<Contest>[] | null;
  /** The tracks of the draft's contest. */
  tracks: { id: string; name: string; code: string }[];
  people: Person[];
  disabled: boolean;
  busy: boolean;
  children?: ReactNode;
}

/** Every field of the application, each with what the graph refused of it. */
export function DraftForm({ values, onChange, onSave, refusal, contests, tracks, people, disabled, busy, children }: Props) {
  const { t } = useTranslation('unit');
  const set = <K extends keyof DraftValues>(key: K, value: DraftValues[K]) => onChange({ ...values, [key]: value });
  const invalid = (...fields: string[]) => {
    const field = fields.find((f) => refusal?.fields[f]);
    return field ? { 'aria-invalid': true as const, 'aria-describedby': `${idOf(field)}-error` } : {};
  };
  const err = (field: string) => <FieldError id={idOf(field)} refusal={refusal} field={field} />;
  const keywordFields = Object.keys(refusal?.fields ?? {}).filter((f) => f.startsWith('keywords'));
  const setMetric = (i: number, patch: Partial<MetricRow>) =>
    set(
      'metrics',
      values.metrics.map((m, j) => (j === i ? { ...m, ...patch } : m)),
    );
  return (
    <form onSubmit={onSave} data-testid="draft-form" noValidate>
      <fieldset disabled={disabled} style={{ border: 0, padding: 0, margin: 0 }}>
        {contests ? (
          <div className="field">
            <label htmlFor={idOf('contestId')}>{t('field.contest')}</label>
            <select
              id={idOf('contestId')}
              value={values.contestId}
              onChange={(e) => onChange({ ...values, contestId: e.target.value, trackId: '' })}
              {...invalid('contestId')}
            >
              <option value="">{t('choose')}</option>
              {contests.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            {err('contestId')}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={idOf('trackId')}>{t('field.track')}</label>
          <select id={idOf('trackId')} value={values.trackId} onChange={(e) => set('trackId', e.target.value)} {...invalid('trackId')}>
            <option value="">{t('choose')}</option>
            {tracks.map((tr) => (
              <option key={tr.id} value={tr.id}>
                {tr.name} ({tr.code})
              </option>
            ))}
          </select>
          {err('trackId')}
        </div>
        <div className="field">
          <label htmlFor={idOf('title')}>{t('field.title')}</label>
          <input id={idOf('title')} value={values.title} onChange={(e) => set('title', e.target.value)} {...invalid('title')} />
          {err('title')}
        </div>
        <div className="field">
          <label htmlFor={idOf('summary')}>{t('field.summary')}</label>
          <textarea
            id={idOf('summary')}
            rows={4}
            value={values.summary}
            onChange={(e) => set('summary', e.target.value)}
            {...invalid('summary')}
          />
          {err('summary')}
        </div>
        <div className="field">
          <label htmlFor={idOf('achievementKind')}>{t('field.achievementKind')}</label>
          <select
            id={idOf('achievementKind')}
            value={values.achievementKind}
            onChange={(e) => set('achievementKind', e.target.value)}
            {...invalid('achievementKind')}
          >
            <option value="">{t('choose')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
          {err('achievementKind')}
        </div>
        <div className="field">
          <label htmlFor={idOf('leaderId')}>{t('field.leader')}</label>
          <select id={idOf('leaderId')} value={values.leaderId} onChange={(e) => set('leaderId', e.target.value)} {...invalid('leaderId')}>
            <option value="">{t('choose')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.position ? `（${p.position}）` : ''}
              </option>
            ))}
          </select>
          {err('leaderId')}
        </div>
        <fieldset className="field" id={idOf('teamMemberIds')} {...invalid('teamMemberIds')}>
          <legend>{t('field.team')}</legend>
          {people.map((p) => (
            <label key={p.id}>
              <input
                type="checkbox"
                checked={values.teamMemberIds.includes(p.id)}
                onChange={(e) =>
                  set(
                    'teamMemberIds',
                    e.target.checked ? [...values.teamMemberIds, p.id] : values.teamMemberIds.filter((id) => id !== p.id),
                  )
                }
              />{' '}
              {p.name}
            </label>
          ))}
          {err('teamMemberIds')}
        </fieldset>
        <div className="field">
          <label htmlFor={idOf('keywords')}>{t('field.keywords')}</label>
          <input
            id={idOf('keywords')}
            value={values.keywords}
            onChange={(e) => set('keywords', e.target.value)}
            {...invalid('keywords', ...keywordFields)}
          />
          {err('keywords')}
          {keywordFields
            .filter((f) => f !== 'keywords')
            .map((f) => (
              <FieldError key={f} id={idOf(f)} refusal={refusal} field={f} />
            ))}
        </div>
        <div className="field">
          <label htmlFor={idOf('applicationEffect')}>{t('field.applicationEffect')}</label>
          <textarea
            id={idOf('applicationEffect')}
            rows={3}
            value={values.applicationEffect}
            onChange={(e) => set('applicationEffect', e.target.value)}
            {...invalid('applicationEffect')}
          />
          {err('applicationEffect')}
        </div>
        <fieldset className="field" data-testid="metrics">
          <legend>{t('field.metrics')}</legend>
          {values.metrics.map((m, i) => (
            <div key={i} className="metric-row" data-testid="metric-row" style={ROW}>
              <span className="visually-hidden">{t('metricRow', { n: i + 1 })}</span>
              {(['name', 'value', 'unit'] as const).map((part) => {
                const field = `metrics[${i}].${part}`;
                const label = t(part === 'name' ? 'field.metricName' : part === 'value' ? 'field.metricValue' : 'field.metricUnit');
                return (
                  <span key={part} className="metric-cell" style={CELL}>
                    <label htmlFor={idOf(field)}>
                      {label}
                      <span className="visually-hidden"> {t('metricRow', { n: i + 1 })}</span>
                    </label>
                    <input
                      id={idOf(field)}
                      inputMode={part === 'value' ? 'decimal' : undefined}
                      value={m[part]}
                      onChange={(e) => setMetric(i, { [part]: e.target.value })}
                      {...invalid(field)}
                    />
                    {err(field)}
                  </span>
                );
              })}
              <button
                type="button"
                onClick={() =>
                  set(
                    'metrics',
                    values.metrics.filter((_, j) => j !== i),
                  )
                }
              >
                {t('removeMetric', { n: i + 1 })}
              </button>
            </div>
          ))}
          <div>
            <button type="button" onClick={() => set('metrics', [...values.metrics, { name: '', value: '', unit: '' }])}>
              {t('addMetric')}
            </button>
          </div>
        </fieldset>
        <div className="actions" style={ACTIONS}>
          <button type="submit" className="primary" disabled={busy} data-testid="save-draft">
            {t('saveDraft')}
          </button>
        </div>
      </fieldset>
      {children}
    </form>
  );
}

/** The element id of a field, from the name the API gives it (metrics[0].value → draft-metrics-0-value). */
export const idOf = (field: string): string => `draft-${field.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;
