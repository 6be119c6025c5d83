import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DinhDanhProvider } from '@dinhdanh/react';
import { App } from './app';

const root = document.getElementById('root');
if (root === null) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <DinhDanhProvider basePath="/auth">
      <App />
    </DinhDanhProvider>
  </StrictMode>,
);
