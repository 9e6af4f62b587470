/**
 * `npm run --silent trace -- program.py [--max-steps N] [--max-time S] [--max-output N]`
 * prints the trace JSON of a program, traced in Node by the same tracer the browser uses.
 * Exit 0 whenever a trace was produced (also when the program raised); on a usage error,
 * exit 2 with one sentence.
 */
import { readFileSync } from 'node:fs';
import { nodeTracer, type TraceOptions } from '../src/runtime/tracer.node.ts';

type NumberOption = {
  [K in keyof TraceOptions]-?: NonNullable<TraceOptions[K]> extends number ? K : never;
}[keyof TraceOptions];

const FLAGS: Record<string, NumberOption> = {
  '--max-steps': 'maxSteps',
  '--max-time': 'maxTime',
  '--max-output': 'maxOutput',
  '--detail-steps': 'detailSteps',
  '--detail-from': 'detailFrom',
};
const USAGE =
  'Usage: npm run --silent trace -- program.py [--max-steps N] [--max-time S] [--max-output N]';

function fail(sentence: string): never {
  process.stderr.write(`${sentence}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const options: TraceOptions = {};
let file: string | undefined;
for (let i = 0; i < args.length; i++) {
  const arg = args[i] as string;
  const key = FLAGS[arg];
  if (key) {
    const value = Number(args[++i]);
    if (!Number.isFinite(value) || value < 0) fail(`${arg} needs a non-negative number. ${USAGE}`);
    options[key] = value;
  } else if (arg.startsWith('-')) {
    fail(`Unknown option ${arg}. ${USAGE}`);
  } else if (file === undefined) {
    file = arg;
  } else {
    fail(`Give one program, not several. ${USAGE}`);
  }
}
if (file === undefined) fail(`No program given. ${USAGE}`);
let source: string;
try {
  source = readFileSync(file, 'utf8');
} catch {
  fail(`Cannot read ${file}: no such file, or not readable.`);
}
const tracer = await nodeTracer();
process.stdout.write(tracer.traceJson(source, options));
process.stdout.write('\n');
