import { useTranslation } from 'react-i18next';
import { formatTime } from './format';

/** One step of a submission's checks, as the graph records it (oldest first). */
export interface CheckStep {
  step: string;
  reason: string | null;
  at: string;
  actor: string;
  organization: { id: string; name: string } | null;
}

const LIST = { margin: '4px 0', paddingLeft: 20 } as const;

/**
 * The history of a submission's checks: each endorsement, return, resubmission, acceptance
 * or rejection, who took it and when, with the reason given. The union's, the office's and
 * the unit's screens show it alike.
 */
export function CheckHistory({ checks, testId = 'check-history' }: { checks: readonly CheckStep[]; testId?: string }) {
  const { t, i18n } = useTranslation('unit');
  if (checks.length === 0)
    return (
      <p className="hint" style={{ margin: '4px 0' }} data-testid={testId} data-count={0}>
        {t('checks.none')}
      </p>
    );
  return (
    <ol style={LIST} data-testid={testId} data-count={checks.length}>
      {checks.map((c, i) => (
        <li key={i} data-step={c.step} data-actor={c.actor}>
          <strong>{t(`checks.step.${c.step}`)}</strong>
          {' · '}
          {c.organization ? c.organization.name : t(`checks.actor.${c.actor}`)}
          {' · '}
          <time dateTime={c.at}>{formatTime(c.at, i18n.language)}</time>
          {c.reason ? (
            <>
              {' · '}
              <span data-testid="check-reason">{t('checks.reasonIs', { reason: c.reason })}</span>
            </>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
