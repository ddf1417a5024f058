/**
 * The console's languages: Simplified Chinese by default, English on the switch (remembered
 * in localStorage). Each screen area keeps its own messages (screens/<area>/messages.ts) under
 * its own namespace; `common` holds the shell's.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { MESSAGES } from './messages';
import type { Language } from './errors';

const KEY = 'meritgraph.language';

export const LANGUAGES: { code: Language; label: string }[] = [
  { code: 'zh', label: '中文' },
  { code: 'en', label: 'English' },
];

export function initI18n(): typeof i18next {
  const saved = localStorage.getItem(KEY);
  const lng: Language = saved === 'en' ? 'en' : 'zh';
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'zh',
    defaultNS: 'common',
    resources: {
      zh: Object.fromEntries(Object.entries(MESSAGES).map(([ns, m]) => [ns, m.zh])),
      en: Object.fromEntries(Object.entries(MESSAGES).map(([ns, m]) => [ns, m.en])),
    },
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = lng === 'zh' ? 'zh-CN' : 'en';
  return i18next;
}

export function setLanguage(code: Language): void {
  localStorage.setItem(KEY, code);
  void i18next.changeLanguage(code);
  document.documentElement.lang = code === 'zh' ? 'zh-CN' : 'en';
}

export const currentLanguage = (): Language => (i18next.language === 'en' ? 'en' : 'zh');
