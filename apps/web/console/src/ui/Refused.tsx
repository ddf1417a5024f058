import { useTranslation } from 'react-i18next';
import { type Language, type Refusal, refusalOf } from '../errors';

/** The refusal of a failed query or mutation, in the console's words, with its code; nothing when there is none. */
export function Refused({ error }: { error: unknown }) {
  const { i18n } = useTranslation();
  const refusal = useRefusal(error, i18n.language as Language);
  if (!refusal) return null;
  return (
    <div role="alert" className="refused" data-code={refusal.code}>
      {refusal.text} <span className="code">({refusal.code})</span>
    </div>
  );
}

export function useRefusal(error: unknown, language?: Language): Refusal | null {
  const { i18n } = useTranslation();
  return error ? refusalOf(error, language ?? (i18n.language === 'en' ? 'en' : 'zh')) : null;
}

/** What a refusal says of one form field, shown under it and tied to it for screen readers. */
export function FieldError({ id, refusal, field }: { id: string; refusal: Refusal | null; field: string }) {
  const text = refusal?.fields[field];
  if (!text) return null;
  return (
    <span id={`${id}-error`} className="field-error" role="alert" data-field={field} title={refusal?.reasons[field]}>
      {text}
    </span>
  );
}
