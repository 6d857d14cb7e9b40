// Vite builds the client into dist/ (served by the gateway); `pnpm dev:web` serves it with hot reload
// and passes API, issuer and settings through to a running `pnpm start` (GATEWAY_URL, default :3000).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, assetsInlineLimit: 0, chunkSizeWarningLimit: 600 },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': gateway,
      '/dev-issuer': gateway,
      '/web-konfiguration.json': gateway,
    },
  },
});
