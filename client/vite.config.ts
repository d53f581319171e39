import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const clientRoot = fileURLToPath(new URL('.', import.meta.url));
const coreRoot = fileURLToPath(new URL('../core', import.meta.url));

/** The API server the dev server proxies to (server/src/index.ts listens on 8080). */
const API_TARGET = 'http://localhost:8080';

export default defineConfig({
  root: clientRoot,
  plugins: [react()],
  resolve: {
    alias: { '@core': coreRoot },
  },
  server: {
    // Host stays the dev server's, so the API sees the page's Origin as its own (writes from
    // another site's page are refused, server/src/http/cross-site-writes.ts).
    proxy: { '/api': { target: API_TARGET, changeOrigin: false } },
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // maplibre-gl and deck.gl are large by nature; they are split into their own chunks below.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        // MapLibre's worker is copied as an asset; name it .js so any static server sends a JavaScript MIME type.
        assetFileNames: (asset) =>
          asset.names.some((name) => name.endsWith('.mjs'))
            ? 'assets/[name]-[hash].js'
            : 'assets/[name]-[hash][extname]',
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ },
            {
              name: 'deckgl',
              test: /node_modules[\\/](@deck\.gl|@luma\.gl|@math\.gl|@loaders\.gl|@probe\.gl|mjolnir\.js)/,
            },
          ],
        },
      },
    },
  },
});
