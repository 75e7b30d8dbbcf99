import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const backend = process.env.CRM_API_URL ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      // The package's dist is CommonJS built for the server; the browser compiles its TypeScript source instead.
      '@crm/contact-info': fileURLToPath(new URL('../../packages/contact-info/src/index.ts', import.meta.url)),
    },
  },
  server: {
    proxy: {
      // ws: true so graphql-ws subscriptions share the /graphql path with HTTP, as in production.
      '/graphql': { target: backend, changeOrigin: true, ws: true },
      '/healthz': { target: backend, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The shell chunk (React, MUI core, Apollo, router) is ~520 kB minified / ~165 kB gzip; every page,
    // and the DataGrid with it, is split out lazily, so only warn when the shell grows beyond that.
    chunkSizeWarningLimit: 600,
  },
});
