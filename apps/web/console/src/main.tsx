import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { BrowserRouter } from 'react-router';
import { createClient } from './apollo';
import { App } from './App';
import { loadConsoleConfig } from './config';
import { initI18n } from './i18n';
import './styles.css';

initI18n();
void loadConsoleConfig().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ApolloProvider client={createClient()}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </ApolloProvider>
    </StrictMode>,
  );
});
