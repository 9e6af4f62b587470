/** What evaluating one check on a trace gives: pass or fail, why, and the step that shows it. */
export interface Verdict {
  readonly pass: boolean;
  readonly reason: string;
  readonly step?: number | null;
}
