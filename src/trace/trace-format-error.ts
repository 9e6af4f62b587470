import type { Step } from './ids.ts';

/**
 * A trace that does not follow docs/trace-format.md. The message is meant for people (it names
 * the step and the field); `step` and `field` let a UI point at the spot.
 */
export class TraceFormatError extends Error {
  override readonly name = 'TraceFormatError';
  /** The event that is wrong, or null for the header / the document as a whole. */
  readonly step: Step | null;
  /** The offending field's path (`tasks[0].name`, `w.until`), or null. */
  readonly field: string | null;

  constructor(message: string, step: Step | null = null, field: string | null = null) {
    super(message);
    this.step = step;
    this.field = field;
  }
}
