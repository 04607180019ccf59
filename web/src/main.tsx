import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { Providers } from './app/providers';
import { createQueryClient } from './app/query-client';
import { router } from './app/router';
import { setUnauthorizedHandler } from './lib/api';
import { meQueryKey } from './lib/session';
import './app/global.css';

const queryClient = createQueryClient();

setUnauthorizedHandler(() => {
  queryClient.setQueryData(meQueryKey, null);
  const { pathname, search } = window.location;
  if (!pathname.startsWith('/login')) {
    void router.navigate(`/login?next=${encodeURIComponent(pathname + search)}`, { replace: true });
  }
});

const container = document.getElementById('root');
if (!container) throw new Error('缺少 #root 节点');

createRoot(container).render(
  <StrictMode>
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
