/**
 * `# lab: max-steps=50000` comments in a lesson program. The runtime (eventlooplab/api.py) reads
 * them from the comments before the first line of code and silently skips what it does not know,
 * which suits the playground; a lesson author gets a problem instead, so a misspelt option is not
 * mistaken for a raised limit.
 */
import { didYouMean } from '../closest.ts';

/** The options the runtime reads (api.py `_OPTION_NAMES`); detail-* are for the playground. */
const OPTIONS = ['max-steps', 'max-time', 'max-output', 'detail-steps', 'detail-from'];
const DOCUMENTED = 'max-steps=N, max-time=SECONDS, max-output=CHARS';
const PRAGMA = /^#\s*lab:\s*(.*)$/;

/** Problems with the `# lab:` comments of `source`, each with its 0-based line in the program. */
export function pragmaProblems(source: string): { line: number; message: string }[] {
  const problems: { line: number; message: string }[] = [];
  let inHeader = true;
  source.split('\n').forEach((raw, i) => {
    const text = raw.trim();
    if (text !== '' && !text.startsWith('#')) inHeader = false;
    const m = PRAGMA.exec(text);
    if (!m) return;
    if (!inHeader) {
      problems.push({
        line: i,
        message: `"${text}" comes after code, where it is ignored: put it among the program's first lines`,
      });
      return;
    }
    for (const part of (m[1] ?? '').replace(/,/g, ' ').split(/\s+/).filter(Boolean)) {
      const [key = '', value = ''] = part.split('=', 2);
      if (!OPTIONS.includes(key)) {
        problems.push({
          line: i,
          message: `"# lab: ${part}": unknown option "${key}"${didYouMean(key, OPTIONS)}; the options are ${DOCUMENTED}`,
        });
      } else if (!/^\d+(\.\d+)?$/.test(value) || (key !== 'max-time' && value.includes('.'))) {
        problems.push({
          line: i,
          message: `"# lab: ${part}": ${key} needs a ${key === 'max-time' ? 'number of seconds' : 'whole number'} after the =, e.g. ${key}=${key === 'max-time' ? '60' : '50000'}`,
        });
      }
    }
  });
  return problems;
}
