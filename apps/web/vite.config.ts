import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { manifest } from './src/app/manifest.ts';

// The service worker precaches the app shell so the app starts with no network after one visit.
// Registration is ours (src/sw-update.ts, workbox-window) so an update never reloads over a draft.
//
// The app is written against React's API and types; the build runs it on Preact's compatibility layer
// (preact/compat), about 5 KiB gzip where react-dom is about 58: the interviewer's first download
// meets its 150 KiB budget (issue 16, decision 190). Only the bundle changes: vitest does not use this
// file, and every e2e test runs the built app.
const preact = (path: string) => fileURLToPath(import.meta.resolve(`preact/${path}`));
export default defineConfig({
  resolve: {
    alias: [
      { find: /^react-dom\/client$/, replacement: preact('compat/client') },
      { find: /^react-dom$/, replacement: preact('compat') },
      { find: /^react\/jsx-runtime$/, replacement: preact('jsx-runtime') },
      { find: /^react\/jsx-dev-runtime$/, replacement: preact('jsx-dev-runtime') },
      { find: /^react$/, replacement: preact('compat') },
    ],
  },
  plugins: [
    react(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      manifest,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // The research dashboard and the projection workspace (code, chart library, worker) need the
        // network anyway: not precached, so no interviewer's device downloads them in the background
        // (decision 108).
        globIgnores: [
          '**/node_modules/**/*',
          '**/ResearchPage-*',
          '**/DemographyPage-*',
          '**/projection-worker-*',
          // SheetJS, for the workspace's XLSX files only.
          '**/xlsx-*',
        ],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/couch\//],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  build: { target: 'es2022' },
});
