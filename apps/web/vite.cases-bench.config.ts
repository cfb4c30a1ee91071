import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The case search benchmark's page (cases-bench.html), built apart from the app (dist-bench/cases, no
// service worker). Run by `npm run bench:cases`.
export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    outDir: 'dist-bench/cases',
    emptyOutDir: true,
    rollupOptions: { input: 'cases-bench.html' },
  },
});
