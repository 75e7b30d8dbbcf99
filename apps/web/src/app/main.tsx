import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { BrowserRouter } from 'react-router';
import '../i18n';
import { createApolloClient } from './apollo';
import { AuthProvider } from './auth';
import { AppRoutes } from './routes';
import { AppThemeProvider } from './theme';

const client = createApolloClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <AppThemeProvider>
        {/* Lists keep their filters and sort in the URL and feed them to controlled inputs and Apollo queries;
            router updates inside transitions let those render with a stale location (inputs lagged, a sort
            flipped back). Plain updates keep URL, inputs and queries in step. */}
        <BrowserRouter useTransitions={false}>
          <AuthProvider>
            <AppRoutes />
          </AuthProvider>
        </BrowserRouter>
      </AppThemeProvider>
    </ApolloProvider>
  </StrictMode>,
);
