/** The tracer's .py files, bundled as text by Vite (browser worker and vitest). */
export const pythonSources: Record<string, string> = import.meta.glob('./python/**/*.py', {
  query: '?raw',
  import: 'default',
  eager: true,
});
