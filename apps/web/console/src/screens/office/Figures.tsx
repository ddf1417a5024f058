import type { OfficeDashboardQuery } from '@meritgraph/client';
import { useTranslation } from 'react-i18next';
import { isEntered } from '../statuses';
import { Chart, type Figure } from './Chart';

type Contest = NonNullable<OfficeDashboardQuery['contest']>;

/** The funnel's three steps: entries submitted, finalists (entries of the final round), excellent. */
export function funnelOf(contest: Contest): { step: 'SUBMITTED' | 'FINALISTS' | 'EXCELLENT'; value: number }[] {
  const final = (contest.reviewFunnel ?? []).filter((s) => s.round.stage === 'FINAL');
  return [
    { step: 'SUBMITTED', value: contest.submissions?.totalCount ?? 0 },
    { step: 'FINALISTS', value: final.reduce((n, s) => n + s.entries, 0) },
    { step: 'EXCELLENT', value: final.reduce((n, s) => n + s.excellent, 0) },
  ];
}

export function Funnel({ contest }: { contest: Contest }) {
  const { t } = useTranslation('office');
  const steps = funnelOf(contest);
  const figures: Figure[] = steps.map((s) => ({ label: t(`funnel.${s.step}`), value: s.value }));
  return (
    <section aria-labelledby="funnel" className="card">
      <h2 id="funnel">{t('funnelTitle')}</h2>
      <Chart
        kind="funnel"
        figures={figures}
        testId="funnel-chart"
        label={t('funnelLabel', { figures: figures.map((f) => `${f.label} ${f.value}`).join('，') })}
      />
      <table data-testid="funnel-table">
        <caption className="visually-hidden">{t('funnelTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('step')}</th>
            <th scope="col" className="number">
              {t('count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s, i) => (
            <tr key={s.step} data-step={s.step}>
              <th scope="row">{figures[i]!.label}</th>
              <td className="number" data-value={s.value}>
                {s.value}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function PerTrack({ contest }: { contest: Contest }) {
  const { t } = useTranslation('office');
  // Entries in the contest per track: its statistics give one count per track and status.
  const perTrack = new Map<string, { code: string; label: string; value: number }>();
  for (const s of contest.submissionStats.filter((stat) => isEntered(stat.status))) {
    const code = s.track?.code ?? '';
    const row = perTrack.get(code) ?? { code, label: s.track ? `${s.track.name}（${s.track.code}）` : t('noTrack'), value: 0 };
    row.value += s.count;
    perTrack.set(code, row);
  }
  const rows = [...perTrack.values()].sort((a, b) => a.code.localeCompare(b.code));
  const figures = rows.map((r) => ({ label: r.code || r.label, value: r.value }));
  return (
    <section aria-labelledby="per-track" className="card">
      <h2 id="per-track">{t('perTrackTitle')}</h2>
      <Chart
        kind="bar"
        figures={figures}
        testId="track-chart"
        label={t('perTrackLabel', { figures: rows.map((r) => `${r.label} ${r.value}`).join('，') })}
      />
      <table data-testid="track-table">
        <caption className="visually-hidden">{t('perTrackTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('track')}</th>
            <th scope="col" className="number">
              {t('submitted')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code} data-track={r.code}>
              <th scope="row">{r.label}</th>
              <td className="number">{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const STATUSES = ['NOMINATED', 'PROPOSED', 'ANNOUNCED', 'CONFERRED'] as const;

export function Quotas({ contest }: { contest: Contest }) {
  const { t, i18n } = useTranslation('office');
  const counts = contest.honorsSummary?.counts ?? [];
  const types = new Map<string, { code: string; nameZh: string; nameEn: string }>();
  for (const q of contest.awardQuotas ?? []) if (q.awardType) types.set(q.awardType.code, q.awardType);
  for (const c of counts) if (c.awardType && !types.has(c.awardType.code)) types.set(c.awardType.code, c.awardType);
  const quotaOf = (code: string) => contest.awardQuotas?.find((q) => q.awardType?.code === code)?.quota;
  const countOf = (code: string, status: string) =>
    counts.filter((c) => c.awardType?.code === code && c.status === status).reduce((n, c) => n + c.count, 0);
  return (
    <section aria-labelledby="quotas">
      <h2 id="quotas">{t('quotasTitle')}</h2>
      {types.size === 0 ? (
        <p>{t('noQuotas')}</p>
      ) : (
        <table data-testid="quota-status">
          <thead>
            <tr>
              <th scope="col">{t('awardType')}</th>
              <th scope="col" className="number">
                {t('quota')}
              </th>
              {STATUSES.map((s) => (
                <th key={s} scope="col" className="number">
                  {t(`honorStatus.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...types.values()].map((a) => (
              <tr key={a.code} data-award={a.code}>
                <th scope="row">{i18n.language === 'en' ? a.nameEn : a.nameZh}</th>
                <td className="number" data-measure="quota">
                  {quotaOf(a.code) ?? '—'}
                </td>
                {STATUSES.map((s) => (
                  <td key={s} className="number" data-measure={s}>
                    {countOf(a.code, s)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
