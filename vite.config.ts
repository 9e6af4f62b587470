import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defaultTracePlugin } from './scripts/vite-plugin-default-trace.ts';
import { lessonsPlugin } from './scripts/vite-plugin-lessons.ts';

/**
 * Pyodide's runtime files, served from the app's own origin under `/pyodide/` (never a CDN):
 * the module loader the worker imports, the Emscripten module, the WebAssembly binary, the
 * standard library and the lock file that `loadPyodide` reads.
 */
const PYODIDE_FILES = [
  'pyodide.mjs',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
] as const;

const pyodideDir = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));

const MIME: Record<string, string> = {
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.json': 'application/json; charset=utf-8',
};

function mimeOf(file: string): string {
  return MIME[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';
}

/** Dev: a middleware answers `/pyodide/*` from node_modules. Build: the files go to dist/pyodide/. */
function pyodideFiles(): Plugin {
  return {
    name: 'event-loop-lab:pyodide-files',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url?.split('?')[0] ?? '';
        const base = server.config.base;
        if (!url.startsWith(`${base}pyodide/`)) return next();
        const name = url.slice(`${base}pyodide/`.length);
        if (!(PYODIDE_FILES as readonly string[]).includes(name)) return next();
        const file = join(pyodideDir, name);
        res.setHeader('Content-Type', mimeOf(name));
        res.setHeader('Content-Length', statSync(file).size);
        res.setHeader('Cache-Control', 'no-cache');
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const name of PYODIDE_FILES) {
        this.emitFile({
          type: 'asset',
          fileName: `pyodide/${name}`,
          source: readFileSync(join(pyodideDir, name)),
        });
      }
    },
  };
}

/**
 * The page's Content-Security-Policy (a meta tag in index.html) allows only the app's own origin.
 * In dev, Vite and React Refresh need an inline script and eval, so the tag is relaxed there only.
 */
function devCsp(): Plugin {
  return {
    name: 'event-loop-lab:dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline' 'unsafe-eval'");
    },
  };
}

/**
 * What `vite preview` (and any static host configured like it) sends with every response. The
 * worker gets no policy from the page's meta tag, so this header is what fences it: Pyodide needs
 * eval for Emscripten's inline JS, but nothing may load or connect outside the origin.
 */
const WORKER_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  // Embeds (#/embed?code=…) go in iframes on course sites, slides and blogs: any page may frame
  // this one. (frame-ancestors only works as a header; a meta tag cannot say it.)
  'frame-ancestors *',
].join('; ');

/**
 * Offline: a Workbox service worker, generated at build time, precaches the whole app after the
 * first visit: the bundles, the lessons (a bundled chunk), and Pyodide's runtime under pyodide/
 * (the WebAssembly binary alone is ~9 MB, hence the raised size limit). A new version waits and
 * applies on the next load (src/app/offline/register.ts); nothing is cached by hand.
 */
function offline(): PluginOption {
  return VitePWA({
    strategies: 'generateSW',
    registerType: 'prompt',
    injectRegister: false,
    manifest: {
      name: 'Event Loop Lab',
      short_name: 'Event Loop Lab',
      description: "A browser playground that teaches Python's asyncio by showing it.",
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#eef0f3',
      theme_color: '#1f57d6',
      icons: [
        { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,mjs,css,html,svg,png,json,wasm,zip,webmanifest}'],
      maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
    },
  });
}

export default defineConfig({
  plugins: [react(), pyodideFiles(), devCsp(), lessonsPlugin(), defaultTracePlugin(), offline()],
  optimizeDeps: { exclude: ['pyodide'] },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
    headers: { 'Content-Security-Policy': WORKER_CSP },
  },
});
