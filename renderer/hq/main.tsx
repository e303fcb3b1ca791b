/** HQ's entry: the franchise owner's dashboard, served by the server at /hq. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HqApp } from './HqApp';
import '../styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('hq.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <HqApp />
  </StrictMode>,
);
