import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { FieldError, Refused, useRefusal } from '../../ui/Refused';

interface Props {
  /** The dialog's heading, naming the submission. */
  title: string;
  /** The reason field's label. */
  label: string;
  /** A line under the heading: who reads the reason. */
  hint?: string;
  submitLabel: string;
  cancelLabel: string;
  /** The refusal of the last try, shown above the form and on the reason field when it names it. */
  error: unknown;
  busy: boolean;
  onSubmit(reason: string): void;
  onCancel(): void;
  testId: string;
}

/**
 * A modal form asking why (a union returning a submission, the office rejecting one). The
 * reason is sent as typed: whether it may be empty is the graph's to say, on the field.
 */
export function ReasonDialog({ title, label, hint, submitLabel, cancelLabel, error, busy, onSubmit, onCancel, testId }: Props) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const refusal = useRefusal(error);
  const invalid = !!refusal?.fields.reason;
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(reason);
  };
  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      style={{ maxWidth: 560, width: '90%', border: '1px solid #8a919e', borderRadius: 6, padding: '8px 20px 16px' }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-title`}>{title}</h2>
        {hint ? <p className="hint">{hint}</p> : null}
        <Refused error={error} />
        <div className="field">
          <label htmlFor={`${id}-reason`}>{label}</label>
          <textarea
            id={`${id}-reason`}
            name="reason"
            rows={4}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${id}-reason-error` : undefined}
            data-testid="reason"
          />
          <FieldError id={`${id}-reason`} refusal={refusal} field="reason" />
        </div>
        <div style={{ display: 'flex', gap: 8 }}>
          <button type="submit" className="primary" disabled={busy} data-testid="reason-submit">
            {submitLabel}
          </button>
          <button type="button" onClick={onCancel} disabled={busy}>
            {cancelLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
