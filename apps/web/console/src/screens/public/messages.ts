export default {
  zh: {
    title: 'public',
  },
  en: {
    title: 'public',
  },
};
