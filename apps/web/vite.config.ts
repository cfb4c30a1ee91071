import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { manifest } from './src/app/manifest.ts';
import { preactAlias } from './preact-alias.ts';

// The service worker precaches the app shell so the app starts with no network after one visit.
// Registration is ours (src/sw-update.ts, workbox-window) so an update never reloads over a draft.
export default defineConfig({
  // React's API on Preact (decision 190).
  resolve: { alias: preactAlias },
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
        // `/relay`: a relay's status page, rendered by the server (decision 197); the public Migration
        // Profile pages are the server's too (decision 187): never the app shell.
        navigateFallbackDenylist: [/^\/api\//, /^\/couch\//, /^\/relay(\/|\?|$)/, /^\/profiles\//],
        cleanupOutdatedCaches: true,
        // The first install takes over the page that registered it (no earlier worker, so nothing
        // reloads): the screens that load when first opened (decision 190) then come from the precache
        // even if the device goes offline before the app is opened again. Updates still wait for the
        // user's choice (no skipWaiting).
        clientsClaim: true,
      },
    }),
  ],
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  build: { target: 'es2022' },
});
