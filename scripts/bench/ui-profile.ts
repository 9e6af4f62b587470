/**
 * `npx tsx scripts/bench/ui-profile.ts [seek|play|both]` (after `vite build`): where the main
 * thread's time goes while seeking and playing the browser bench's 100,000-step trace. Records a
 * Chromium performance trace and a JS CPU profile meanwhile, then prints each long task (> 50 ms)
 * split by what it spent its time on (script, style, layout, paint…) and the JS functions with
 * the most self time. For finding what to fix, not a benchmark: the profiler slows the page.
 */
import { writeFileSync } from 'node:fs';
import { mainThreadEvents, type TraceEvent } from './chromium-trace.ts';
import {
  launchChromium,
  longTasksWhilePlaying,
  openReplayPage,
  seekLatencies,
  servePreview,
} from './replay.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4374);
const what = process.argv[2] ?? 'both';

/** Each top-level task over 50 ms on the page's main thread, its time split by event name. */
function longTasks(events: TraceEvent[]): void {
  const onMain = mainThreadEvents(events);
  const tops = onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 50_000);
  console.log(`long tasks: ${tops.length}`);
  for (const top of tops) {
    const end = top.ts + (top.dur ?? 0);
    const inner = onMain.filter((e) => e !== top && e.ts >= top.ts && e.ts + (e.dur ?? 0) <= end);
    const byName = new Map<string, number>();
    for (const e of inner) {
      // Self time: minus direct children (events nested inside this one).
      const kids = inner.filter(
        (k) => k !== e && k.ts >= e.ts && k.ts + (k.dur ?? 0) <= e.ts + (e.dur ?? 0),
      );
      const covered = kids
        .filter(
          (k) =>
            !kids.some(
              (o) => o !== k && k.ts >= o.ts && k.ts + (k.dur ?? 0) <= o.ts + (o.dur ?? 0),
            ),
        )
        .reduce((a, k) => a + (k.dur ?? 0), 0);
      byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0) - covered);
    }
    const parts = [...byName]
      .filter(([, us]) => us > 1000)
      .sort((a, b) => b[1] - a[1])
      .map(([n, us]) => `${n} ${(us / 1000).toFixed(0)}`)
      .join(', ');
    console.log(`  ${((top.dur ?? 0) / 1000).toFixed(0)} ms: ${parts}`);
  }
}

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** The JS functions with the most self time in a CPU profile. */
function hotFunctions(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    if (!f) return;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
  }
  // Who forces the layouts: the callers (three frames up) of the layout-reading DOM calls.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const callers = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    if (!f || !/getBoundingClientRect|getClientRects|offset|scroll|client/.test(f.functionName))
      return;
    const chain: string[] = [];
    let at = parent.get(id);
    while (at !== undefined && chain.length < 4) {
      const c = byId.get(at)?.callFrame;
      chain.push(`${c?.functionName || '(anon)'}:${c?.lineNumber}`);
      at = parent.get(at);
    }
    const key = `${f.functionName} <- ${chain.join(' <- ')}`;
    callers.set(key, (callers.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  // Inclusive time: each sample counts once for every distinct function on its stack.
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const c = byId.get(at)?.callFrame;
      if (c && c.url !== '') seen.add(`${c.functionName || '(anon)'}:${c.lineNumber}`);
    }
    for (const k of seen) total.set(k, (total.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  console.log('JS total time (with callees):');
  for (const [k, us] of [...total]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(process.env.TOP ?? 70))) {
    console.log(`  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
  }
  console.log('layout reads by caller:');
  for (const [k, us] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
  }
}

const server = await servePreview(PORT, process.env.DIST ?? 'dist');
const browser = await launchChromium();
try {
  const page = await openReplayPage(browser, server.base);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'],
  });
  await cdp.send('Profiler.start');
  if (what !== 'play') {
    const seeks = (await seekLatencies(page)).sort((a, b) => a - b);
    console.log(`seeks (sorted): ${seeks.map((s) => s.toFixed(0)).join(' ')}`);
  }
  if (what !== 'seek') {
    const long = await longTasksWhilePlaying(page);
    console.log(`long tasks while playing: ${long.map((ms) => ms.toFixed(0)).join(' ')}`);
  }
  const { profile } = await cdp.send('Profiler.stop');
  const buffer = await browser.stopTracing();
  if (process.env.TRACE_OUT) writeFileSync(process.env.TRACE_OUT, buffer);
  if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
  const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  longTasks(events);
  console.log('JS self time:');
  hotFunctions(profile as never);
} finally {
  await browser.close();
  server.stop();
}
