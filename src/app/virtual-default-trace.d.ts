/**
 * `virtual:default-trace`, served by scripts/vite-plugin-default-trace.ts: the default program's
 * trace, recorded at build time by the same tracer in Node, so the playground has a picture
 * before Python has loaded in the page.
 */
declare module 'virtual:default-trace' {
  /** The trace of src/app/default-program.ts, as JSON text (parse it with parseTrace). */
  export const trace: string;
}
