import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The form benchmark's page (bench.html), built apart from the app (dist-bench/, no service worker),
// so nothing of it reaches the interviewer's bundle. Run by `npm run bench:forms`.
export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    outDir: 'dist-bench',
    emptyOutDir: true,
    rollupOptions: { input: 'bench.html' },
  },
});
