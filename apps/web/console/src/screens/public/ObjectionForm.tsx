import { useMutation } from '@apollo/client/react';
import { PublicFileObjectionDocument } from '@meritgraph/client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, Refused, useRefusal } from '../../ui/Refused';

interface Announced {
  id: string;
  recipientName: string;
  awardType: { nameZh: string; nameEn: string } | null;
}

/** A signed-in visitor's objection to an announced honor: what is wrong, and how the office can reach them. */
export function ObjectionForm({ honors }: { honors: readonly Announced[] }) {
  const { t, i18n } = useTranslation('public');
  const id = useId();
  const [honorId, setHonorId] = useState(honors[0]?.id ?? '');
  const [text, setText] = useState('');
  const [contact, setContact] = useState('');
  const [file, { data, error, loading, reset }] = useMutation(PublicFileObjectionDocument);
  const refusal = useRefusal(error);
  const field = (name: string) => {
    const invalid = !!refusal?.fields[name];
    return { 'aria-invalid': invalid || undefined, 'aria-describedby': invalid ? `${id}-${name}-error` : undefined };
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('objectTitle')}</h2>
      <form
        data-testid="objection-form"
        onSubmit={(e) => {
          e.preventDefault();
          void file({ variables: { input: { honorId, text, contact } } }).catch(() => undefined);
        }}
      >
        <Refused error={error} />
        {data && !error && (
          <p className="notice" role="status" data-testid="objection-filed" data-objection={data.fileObjection.id}>
            {t('objectionFiled')}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${id}-honorId`}>{t('objectTo')}</label>
          <select
            id={`${id}-honorId`}
            name="honorId"
            value={honorId}
            onChange={(e) => {
              reset();
              setHonorId(e.target.value);
            }}
            {...field('honorId')}
          >
            {honors.map((h) => (
              <option key={h.id} value={h.id}>
                {h.recipientName} · {h.awardType ? (i18n.language === 'en' ? h.awardType.nameEn : h.awardType.nameZh) : ''}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-honorId`} refusal={refusal} field="honorId" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('objectionText')}</label>
          <textarea id={`${id}-text`} name="text" rows={3} value={text} onChange={(e) => setText(e.target.value)} {...field('text')} />
          <FieldError id={`${id}-text`} refusal={refusal} field="text" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-contact`}>{t('objectionContact')}</label>
          <input id={`${id}-contact`} name="contact" value={contact} onChange={(e) => setContact(e.target.value)} {...field('contact')} />
          <FieldError id={`${id}-contact`} refusal={refusal} field="contact" />
        </div>
        <button type="submit" className="primary" disabled={loading || !honorId}>
          {t('fileObjection')}
        </button>
      </form>
    </section>
  );
}
