import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer builds to dist/renderer with relative paths, so Electron loads it from file://
// and the browser host serves it from any port.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
});
