import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { Page } from '../../ui/Page';

function Home() {
  const { t } = useTranslation('expert');
  return <Page title={t('title')}>{null}</Page>;
}

export default function ExpertArea() {
  return (
    <Routes>
      <Route index element={<Home />} />
    </Routes>
  );
}
