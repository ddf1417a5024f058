import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContestChoice } from './contests';

/** Which contest the page shows, when there are several. */
export function ContestPicker({
  contests,
  value,
  onChange,
  label,
}: {
  contests: readonly ContestChoice[];
  value: string | undefined;
  onChange: (code: string) => void;
  label?: string;
}) {
  const { t } = useTranslation('public');
  const id = useId();
  if (contests.length < 2) return null;
  return (
    <div className="contest-picker">
      <label htmlFor={id}>{label ?? t('chooseContest')}</label>{' '}
      <select id={id} data-testid="contest-picker" value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        {[...contests]
          .sort((a, b) => b.year - a.year || b.createdAt.localeCompare(a.createdAt))
          .map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
      </select>
    </div>
  );
}
