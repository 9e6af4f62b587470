import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
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
].join('; ');

export default defineConfig({
  plugins: [react(), pyodideFiles(), devCsp(), lessonsPlugin()],
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
