/**
 * The renderer's build: `vite build` writes dist/renderer, which the Electron shell loads
 * and the server serves to tablets. Paths are relative so both can load it from anywhere.
 * Two pages: index.html, the terminal; hq.html, the franchise owner's dashboard.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Node's own `import.meta.dirname`: no Node module imported into renderer/.
const here = import.meta.dirname;

export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: `${here}/../dist/renderer`,
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // The terminal loads its code from disk (Electron) or the store's server (tablets),
    // not over the internet; the main chunk is mostly React, Dexie and zod.
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      input: { index: `${here}/index.html`, hq: `${here}/hq.html` },
    },
  },
});
