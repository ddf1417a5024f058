import { useMutation } from '@apollo/client/react';
import { ExpertDeclareConflictDocument, ExpertDeclineAssignmentDocument } from '@meritgraph/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, Refused, useRefusal } from '../../ui/Refused';

const ID = 'step-back-reason';

/** Declaring a conflict of interest (回避) or declining an assignment, with a reason; the graph's refusal shown on the reason. */
export function StepBack({ assignmentId, onDone }: { assignmentId: string; onDone(status: string, note: string | null): void }) {
  const { t } = useTranslation('expert');
  const [reason, setReason] = useState('');
  const [conflict, conflictState] = useMutation(ExpertDeclareConflictDocument);
  const [decline, declineState] = useMutation(ExpertDeclineAssignmentDocument);
  const error = conflictState.error ?? declineState.error;
  const refusal = useRefusal(error);
  const busy = conflictState.loading || declineState.loading;
  const invalid = refusal?.fields.reason ? { 'aria-invalid': true as const, 'aria-describedby': `${ID}-error` } : {};

  const run = (which: 'conflict' | 'decline') => {
    const variables = { id: assignmentId, reason };
    const done =
      which === 'conflict'
        ? conflict({ variables }).then((r) => r.data?.declareConflict)
        : decline({ variables }).then((r) => r.data?.declineAssignment);
    void done.then((a) => a && onDone(a.status, a.note ?? null)).catch(() => undefined);
  };

  return (
    <form onSubmit={(e) => e.preventDefault()} data-testid="step-back" noValidate>
      <h2>{t('stepBack.heading')}</h2>
      <p>{t('stepBack.intro')}</p>
      <Refused error={error} />
      <div className="field">
        <label htmlFor={ID}>{t('stepBack.reason')}</label>
        <textarea id={ID} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} {...invalid} />
        <FieldError id={ID} refusal={refusal} field="reason" />
      </div>
      <div style={{ display: 'flex', gap: 12 }}>
        <button type="button" disabled={busy} onClick={() => run('conflict')} data-testid="declare-conflict">
          {t('stepBack.conflict')}
        </button>
        <button type="button" disabled={busy} onClick={() => run('decline')} data-testid="decline">
          {t('stepBack.decline')}
        </button>
      </div>
    </form>
  );
}
