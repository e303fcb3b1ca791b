/**
 * The renderer's build: `vite build` writes dist/renderer, which the Electron shell loads
 * and the server serves to tablets. Paths are relative so both can load it from anywhere.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // The terminal loads its code from disk (Electron) or the store's server (tablets),
    // not over the internet; the main chunk is mostly React, Dexie and zod.
    chunkSizeWarningLimit: 800,
  },
});
