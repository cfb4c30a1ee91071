import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The projection benchmark's page (bench/demography.html): a module worker runs the multiregional
// projection, the page reports the times. Built apart from the app (dist-bench/demography). Run by
// `npm run bench:demography` after the Node figures.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../dist-bench/demography', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: { input: fileURLToPath(new URL('demography.html', import.meta.url)) },
  },
  worker: { format: 'es' },
});
