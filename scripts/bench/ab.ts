/**
 * `npx tsx scripts/bench/ab.ts [ref] [program.py]`: the tracer at a git ref (default `main`)
 * against the working tree's, in one process, run after run alternately, so both see the same
 * load on a shared machine. Prints the median wall and CPU time of each (and the least CPU time:
 * under heavy load the median drifts, the minimum much less) and checks that both
 * write the very same trace (a speed change must not change what is recorded). BENCH_RUNS
 * (default 5) sets the number of runs; the program defaults to programs/realistic.py.
 */
import { execFileSync } from 'node:child_process';
import { loadPyodide } from 'pyodide';
import { installTracer, TRACER_ENV } from '../../src/runtime/install-tracer.ts';
import { readPythonSources } from '../../src/runtime/tracer.node.ts';
import { median, program } from './throughput.ts';

const ref = process.argv[2] ?? 'main';
const file = process.argv[3] ?? 'realistic.py';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DIR = 'src/runtime/python';

function sourcesAt(commit: string): Record<string, string> {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' });
  const files: Record<string, string> = {};
  for (const path of git('ls-tree', '-r', '--name-only', commit, `${DIR}/`).split('\n')) {
    if (path.endsWith('.py')) files[path] = git('show', `${commit}:${path}`);
  }
  return files;
}

async function tracer(files: Record<string, string>) {
  const pyodide = await loadPyodide({ stdout: () => {}, stderr: () => {}, env: { ...TRACER_ENV } });
  installTracer(pyodide, files);
  const api = pyodide.pyimport('eventlooplab.api');
  return (source: string) => api.trace_program(source, '{}') as string;
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const sides = [
  { label: ref, run: await tracer(sourcesAt(ref)), wall: [] as number[], cpu: [] as number[] },
  {
    label: 'worktree',
    run: await tracer(readPythonSources()),
    wall: [] as number[],
    cpu: [] as number[],
  },
];
const source = program(file);
const outputs: string[] = [];
for (let i = 0; i < RUNS; i++) {
  for (const side of i % 2 ? [...sides].reverse() : sides) {
    const w = performance.now();
    const c = cpu();
    const json = side.run(source);
    side.cpu.push(cpu() - c);
    side.wall.push(performance.now() - w);
    if (i === 0) outputs.push(json);
  }
}
const events = (JSON.parse(outputs[0] ?? '{}').events ?? []).length as number;
console.log(`${file}: ${events.toLocaleString('en')} events, median of ${RUNS}`);
for (const s of sides) {
  const ms = median(s.cpu);
  console.log(
    `${s.label.padEnd(10)} wall ${median(s.wall).toFixed(0)} ms  cpu ${ms.toFixed(0)} ms  ` +
      `(min ${Math.min(...s.cpu).toFixed(0)})  ` +
      `${Math.round(events / (ms / 1000)).toLocaleString('en')} events/cpu-s  ` +
      `${((outputs[sides.indexOf(s)] ?? '').length / events).toFixed(1)} B/event`,
  );
}
console.log(outputs[0] === outputs[1] ? 'traces identical' : 'TRACES DIFFER');
