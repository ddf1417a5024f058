export default {
  zh: {
    title: 'organizer',
  },
  en: {
    title: 'organizer',
  },
};
