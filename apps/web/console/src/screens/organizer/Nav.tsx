import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The union's pages, one link each. */
export function OrganizerNav() {
  const { t } = useTranslation('organizer');
  const tabs = [
    { to: '/organizer', label: 'tabs.units' },
    { to: '/organizer/enrolments', label: 'tabs.enrolments' },
    { to: '/organizer/imports', label: 'tabs.imports' },
    { to: '/organizer/submissions', label: 'tabs.submissions' },
    { to: '/organizer/endorsement', label: 'tabs.endorsement' },
    { to: '/organizer/nominations', label: 'tabs.nominations' },
  ];
  return (
    <nav aria-label={t('sections')}>
      <ul style={{ display: 'flex', gap: 16, listStyle: 'none', padding: 0 }}>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end style={({ isActive }) => (isActive ? { fontWeight: 600 } : undefined)}>
              {t(tab.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
