/**
 * The one shell script a Python-path task runs on its host: pick the Python
 * interpreter (ansible_python_interpreter, else the first of Ansible's usual
 * places that exists), then feed it the module's program on stdin (a new-style
 * module), or write a WANT_JSON module and its JSON arguments to a private
 * temporary directory and run it. Arguments never appear in a command line.
 */
import { heredocBase64, quoteWords } from '../../connection/quote.js';
import { ansiballzProgram } from './wrapper.js';

/** Ansible's discovery fallbacks on Linux, first found wins (its INTERPRETER_PYTHON_FALLBACK, trimmed to Python 3). */
export const INTERPRETER_CANDIDATES: readonly string[] = ['/usr/bin/python3', 'python3', '/usr/libexec/platform-python', '/usr/bin/python'];
/** The line the script prints first when it looked for Python: `@@cxpython PATH`, or `@@cxpython none`. */
export const DISCOVERY_MARKER = '@@cxpython ';
export const NO_PYTHON_MARKER = `${DISCOVERY_MARKER}none`;
const PROGRAM_END = '__CX_PYTHON_EOF__';

/** `interpreter`: the words of ansible_python_interpreter, or undefined to discover it. */
function chooseInterpreter(interpreter: readonly string[] | undefined): string {
  if (interpreter) return `set -- ${quoteWords(interpreter)}\n`;
  return [
    'set --',
    `for cx_candidate in ${quoteWords(INTERPRETER_CANDIDATES)}; do`,
    '  if command -v "$cx_candidate" >/dev/null 2>&1; then set -- "$cx_candidate"; break; fi',
    'done',
    `[ "$#" -gt 0 ] || { printf '%s\\n' '${NO_PYTHON_MARKER}'; exit 127; }`,
    `printf '%s%s\\n' '${DISCOVERY_MARKER}' "$1"`,
    '',
  ].join('\n');
}

export function newStyleScript(interpreter: readonly string[] | undefined, fqn: string, payload: Buffer, args: string): string {
  const program = ansiballzProgram(fqn, payload.toString('base64'), Buffer.from(args).toString('base64'));
  return `${chooseInterpreter(interpreter)}"$@" - <<'${PROGRAM_END}'\n${program}${PROGRAM_END}\n`;
}

/** A WANT_JSON script: run by the Python interpreter when its #! names Python, else by its own #! line. */
export function wantJsonScript(interpreter: readonly string[] | undefined, module: Buffer, args: string): string {
  const firstLine = module.subarray(0, module.indexOf(10) < 0 ? module.length : module.indexOf(10)).toString('utf8');
  const byPython = /^#!.*python/.test(firstLine);
  return [
    byPython ? chooseInterpreter(interpreter) : 'set --\n',
    'umask 077',
    'cx_dir=$(mktemp -d) || exit 1',
    "trap 'rm -rf \"$cx_dir\"' EXIT",
    `${heredocBase64('base64 -d > "$cx_dir/module"', module, '|| exit 1')}`,
    `${heredocBase64('base64 -d > "$cx_dir/args"', args, '|| exit 1')}`,
    'chmod 700 "$cx_dir/module"',
    '"$@" "$cx_dir/module" "$cx_dir/args"',
    '',
  ].join('\n');
}
