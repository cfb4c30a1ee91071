import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { preactAlias } from '../preact-alias.ts';

// The form benchmark's page (bench/forms.html), built apart from the app (dist-bench/, no service
// worker), so nothing of it reaches the interviewer's bundle. Run by `npm run bench:forms`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // What ships: React's API on Preact (decision 190).
  resolve: { alias: preactAlias },
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../dist-bench', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: { input: fileURLToPath(new URL('forms.html', import.meta.url)) },
  },
});
