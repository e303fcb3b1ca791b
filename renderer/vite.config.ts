/**
 * The renderer's build: `vite build` writes dist/renderer, which the Electron shell loads
 * and the server serves to tablets. Paths are relative so both can load it from anywhere.
 * Two pages: index.html, the terminal; hq.html, the franchise owner's dashboard.
 *
 * The tablet's PWA (vite-plugin-pwa, Workbox's generateSW): a web app manifest and a
 * service worker that precaches the terminal's shell, so a tablet that opened the app
 * once loads it with no network. The data lives in IndexedDB already. renderer/pwa/
 * registers the worker (never in Electron) and offers a new version without reloading.
 */
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// Node's own `import.meta.dirname`: no Node module imported into renderer/.
const here = import.meta.dirname;

/**
 * The plugin links the manifest from every page; HQ is not the installable terminal
 * (its start_url would open the counter), so its page keeps no link to it.
 */
const hqWithoutManifest: Plugin = {
  name: 'treu-hq-without-manifest',
  enforce: 'post',
  transformIndexHtml: {
    order: 'post',
    handler: (html, context) =>
      context.filename.endsWith('hq.html')
        ? html.replace(/<link rel="manifest"[^>]*>|<meta name="theme-color"[^>]*>/g, '')
        : html,
  },
};

export default defineConfig({
  root: here,
  base: './',
  // Only the manifest's icons are copied as they are (resources/pwa/*.png at the root).
  publicDir: `${here}/../resources/pwa`,
  plugins: [
    react(),
    VitePWA({
      // 'prompt', not 'autoUpdate': autoUpdate reloads every open window as soon as a new
      // build is cached, which could cut through a cashier's stamp or a half-typed
      // enrolment. The new worker waits; renderer/pwa/UpdatePrompt offers "Reload", and
      // the cashier chooses the moment. Until then the old build keeps working offline.
      registerType: 'prompt',
      // The shipped worker, also when the tests build (NODE_ENV=test would otherwise
      // give Workbox's verbose development build).
      mode: 'production',
      // Registered by renderer/pwa/register.ts, which first checks the host (no worker
      // in Electron's treu:// pages or without a secure context).
      injectRegister: false,
      manifest: {
        id: './',
        name: 'Treu',
        short_name: 'Treu',
        description: 'Stamp cards at the counter, online or offline.',
        lang: 'en',
        // Relative to the manifest, which sits beside index.html wherever it is served.
        start_url: './',
        scope: './',
        display: 'standalone',
        orientation: 'any',
        // --brand and --paper of renderer/styles.css.
        theme_color: '#0b5d4b',
        background_color: '#fbfaf7',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: 'icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        // The terminal's shell: its page, every chunk (the camera's QR scanner too),
        // styles and the favicon; the plugin adds the manifest and its icons. Not HQ's
        // page and entry: HQ is the server's dashboard, useless offline, and always
        // fetched fresh. Source maps stay out too.
        globPatterns: ['**/*.{js,css,html,svg}'],
        globIgnores: ['hq.html', 'assets/hq-*', '**/*.map'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        // A navigation the worker does not know (a deep link, a reload offline) gets the
        // terminal's page, but never the server's own pages: the sync API (its live
        // stream included), the update feed, and HQ go to the network, or fail offline.
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/\/v1(\/|$)/, /\/updates(\/|$)/, /\/hq(\.html)?$/],
        // No runtime caching: whatever the precache does not hold is the network's.
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        // The first worker takes over the page that installed it (nothing older to
        // clash with), so even the first visit loads the camera's chunk offline. A
        // newer worker still waits for "Reload" (no skipWaiting).
        clientsClaim: true,
        skipWaiting: false,
        sourcemap: false,
      },
    }),
    hqWithoutManifest,
  ],
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
