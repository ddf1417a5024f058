export default {
  zh: {
    title: 'office',
  },
  en: {
    title: 'office',
  },
};
