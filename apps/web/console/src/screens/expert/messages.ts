export default {
  zh: {
    title: 'expert',
  },
  en: {
    title: 'expert',
  },
};
