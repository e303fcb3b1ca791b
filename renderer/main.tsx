/**
 * The renderer's entry: open the terminal's database and show the app; on a tablet or
 * in a browser, register the service worker that keeps the app loadable offline.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { registerServiceWorker } from './pwa/register';
import { openDatabase } from './storage/database';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App db={openDatabase()} />
  </StrictMode>,
);

void registerServiceWorker();
