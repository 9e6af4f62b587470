import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRACE_FIXTURES } from '../../../tests/fixtures/traces.ts';
import { parseTrace } from '../../trace/index.ts';
import { coachDiagnostics, traceDiagnostics } from './markers.ts';

const fixture = (file: string) => parseTrace(readFileSync(new URL(file, TRACE_FIXTURES), 'utf8'));

describe('coachDiagnostics: the coach on the editor line', () => {
  it("puts the coach's note beside Python's own message on the line it raised", () => {
    const trace = fixture('69-old-style-run-until-complete.trace.json');
    expect(traceDiagnostics(trace)).toEqual([
      {
        line: 10,
        message: "RuntimeError: There is no current event loop in thread 'MainThread'.",
        severity: 'error',
      },
    ]);
    const [note] = coachDiagnostics(trace);
    expect(note).toMatchObject({ line: 10, severity: 'warning', source: 'Coach' });
    expect(note?.message).toMatch(
      /^Since Python 3\.14, asyncio\.get_event_loop\(\) .*asyncio\.run\(main\(\)\)/,
    );
  });

  it('marks a stall where the blocking call is, though Python reported nothing', () => {
    const trace = fixture('40-time-sleep-blocks.trace.json');
    expect(traceDiagnostics(trace)).toEqual([]);
    expect(coachDiagnostics(trace).map((d) => d.line)).toEqual([19]);
  });
});
