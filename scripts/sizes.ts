/**
 * The size rule of the house: no file over 400 lines and no function over 80 lines, unless the
 * file's first line gives the reason (`// size: <reason>`, in Python `# size: <reason>`). The
 * scanner behind `npm run lint:sizes` (scripts/check-sizes.ts). Functions are found by the
 * TypeScript compiler (every function, method, accessor and arrow with a body, measured from its
 * first token to its last, nested functions included) and, for Python, by python3's own `ast`.
 */
import { spawnSync } from 'node:child_process';
import ts from 'typescript';

export const FILE_LIMIT = 400;
export const FUNCTION_LIMIT = 80;

/** One file or function over its limit. `name` is `(file)` for a whole file. */
export interface Offender {
  readonly path: string;
  readonly line: number;
  readonly name: string;
  readonly lines: number;
}

/**
 * A `// size: <reason>` (or `# size: <reason>`) first line, with a reason after the colon; after
 * a `#!` line, the second line (a script's interpreter line has to come first).
 */
export function hasSizeReason(text: string): boolean {
  const [first = '', second = ''] = text.split('\n', 2);
  return /^\s*(\/\/|#)\s*size:\s*\S/.test(first.startsWith('#!') ? second : first);
}

/** Lines of a text, not counting the newline that ends the last one. */
export function lineCount(text: string): number {
  if (text === '') return 0;
  const n = text.split('\n').length;
  return text.endsWith('\n') ? n - 1 : n;
}

function fileOffender(path: string, text: string): Offender[] {
  const lines = lineCount(text);
  return lines > FILE_LIMIT ? [{ path, line: 1, name: '(file)', lines }] : [];
}

function propertyName(name: ts.PropertyName | ts.BindingName, sf: ts.SourceFile): string {
  return ts.isIdentifier(name) || ts.isPrivateIdentifier(name) ? name.text : name.getText(sf);
}

/** The name of the class or object (by its variable) a method belongs to, with a dot. */
function ownerPrefix(parent: ts.Node, sf: ts.SourceFile): string {
  if (ts.isClassLike(parent) && parent.name) return `${parent.name.text}.`;
  if (ts.isObjectLiteralExpression(parent) && ts.isVariableDeclaration(parent.parent)) {
    return `${propertyName(parent.parent.name, sf)}.`;
  }
  return '';
}

/** What a reader would call a function: its name, its variable's or property's, or its caller's. */
function functionName(node: ts.FunctionLikeDeclaration, sf: ts.SourceFile): string {
  const parent = node.parent;
  if (ts.isConstructorDeclaration(node)) return `${ownerPrefix(parent, sf)}constructor`;
  if (node.name) return `${ownerPrefix(parent, sf)}${propertyName(node.name, sf)}`;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) {
    return `${ts.isPropertyAssignment(parent) ? ownerPrefix(parent.parent, sf) : ''}${propertyName(parent.name, sf)}`;
  }
  if (ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText(sf)})`;
  if (ts.isExportAssignment(parent)) return '(default export)';
  return '(anonymous)';
}

/** The files and functions over their limits in one TypeScript (or TSX) file. */
export function scanTypeScript(path: string, text: string): Offender[] {
  if (hasSizeReason(text)) return [];
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  const out = fileOffender(path, text);
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const fn = node as ts.FunctionLikeDeclaration;
      const start = sf.getLineAndCharacterOfPosition(fn.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(fn.getEnd()).line;
      const lines = end - start + 1;
      if (lines > FUNCTION_LIMIT) {
        out.push({ path, line: start + 1, name: functionName(fn, sf), lines });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Prints `[[path, line, name, lines], …]` for every function of the files named on stdin. */
const PYTHON_FUNCTIONS = `
import ast, json, sys
out = []
for path, text in json.load(sys.stdin):
    def walk(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                name = prefix + child.name
                out.append([path, child.lineno, name, child.end_lineno - child.lineno + 1])
                walk(child, name + ".")
            elif isinstance(child, ast.ClassDef):
                walk(child, prefix + child.name + ".")
            else:
                walk(child, prefix)
    try:
        walk(ast.parse(text, path), "")
    except SyntaxError:
        pass  # not this check's business: the tracer's tests fail on it
json.dump(out, sys.stdout)
`;

/**
 * The files and functions over their limits in Python files (`[path, text]` pairs), measured by
 * python3's `ast` (a function runs from its `def` line to its last line; decorators not counted).
 */
export function scanPython(files: readonly (readonly [string, string])[]): Offender[] {
  const measured = files.filter(([, text]) => !hasSizeReason(text));
  const out = measured.flatMap(([path, text]) => fileOffender(path, text));
  if (measured.length === 0) return out;
  const r = spawnSync('python3', ['-c', PYTHON_FUNCTIONS], {
    input: JSON.stringify(measured),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    throw new Error(`python3 could not measure the Python files: ${r.stderr || r.error}`);
  }
  for (const [path, line, name, lines] of JSON.parse(r.stdout) as [
    string,
    number,
    string,
    number,
  ][]) {
    if (lines > FUNCTION_LIMIT) out.push({ path, line, name, lines });
  }
  return out;
}

/** Which files the rule covers: TypeScript, TSX and Python, but not tests (nor JSON, CSS, …). */
export function isMeasured(path: string): boolean {
  return /\.(ts|tsx|py)$/.test(path) && !/\.test\.tsx?$/.test(path) && !path.endsWith('.d.ts');
}

export function formatOffender(o: Offender): string {
  return `${o.path}:${o.line}  ${o.name}  ${o.lines} lines`;
}
