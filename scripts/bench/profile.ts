/**
 * `npx tsx scripts/bench/profile.ts [program.py] [options-json]`: where the tracer's time goes,
 * by cProfile inside Pyodide (the program traced once, unprofiled, to warm up; then once under
 * the profiler). Prints the functions with the most time of their own, then by cumulative time.
 * cProfile's own overhead inflates small functions called very often; compare, don't add up.
 */
import { createNodeTracer } from '../../src/runtime/tracer.node.ts';
import { program } from './throughput.ts';

const file = process.argv[2] ?? 'realistic.py';
const options = process.argv[3] ?? '{}';
const ROWS = Number(process.env.PROFILE_ROWS ?? 25);
const tracer = await createNodeTracer();
const py = tracer.pyodide;
py.globals.set('source', program(file));
py.globals.set('options', options);
tracer.traceJson(program(file), JSON.parse(options));
const report = py.runPython(`
import cProfile, io, pstats
from eventlooplab import api
profiler = cProfile.Profile()
profiler.enable()
api.trace_program(source, options)
profiler.disable()
out = io.StringIO()
stats = pstats.Stats(profiler, stream=out).strip_dirs()
stats.sort_stats("tottime").print_stats(${ROWS})
stats.sort_stats("cumulative").print_stats(${ROWS})
out.getvalue()
`) as string;
console.log(report);
