export default {
  zh: {
    title: 'unit',
  },
  en: {
    title: 'unit',
  },
};
