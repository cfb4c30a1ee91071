import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The case search benchmark's page (bench/cases.html), built apart from the app (dist-bench/cases, no
// service worker). Run by `npm run bench:cases`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../dist-bench/cases', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: { input: fileURLToPath(new URL('cases.html', import.meta.url)) },
  },
});
