/**
 * The expression corpus (corpus.yaml) as one playbook: a single copy task
 * whose content renders, for each expression, its to_json form and its text
 * form after an `@@ index` line, so one ansible-playbook run and one cxplay
 * run render them all. Both tools read the same playbook text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface Corpus {
  readonly expressions: readonly string[];
  /** The playbook rendering every expression into the file named by the `dest` variable. */
  readonly playbook: string;
}

export function loadCorpus(directory: string): Corpus {
  const text = readFileSync(join(directory, 'corpus.yaml'), 'utf8');
  const { expressions } = parse(text) as { expressions: string[] };
  const varsText = text.slice(text.indexOf('\nvars:\n') + '\nvars:\n'.length, text.indexOf('\nexpressions:\n'));
  const content = expressions.flatMap((expression, index) => [`@@ ${index}`, `{{ (${expression}) | to_json }}`, `{{ ${expression} }}`]);
  const playbook = [
    '- hosts: node1',
    '  gather_facts: false',
    '  vars:',
    ...varsText.split('\n').map((line) => `  ${line}`),
    '  tasks:',
    '    - name: render the corpus',
    '      copy:',
    '        dest: "{{ dest }}"',
    '        content: |',
    ...content.map((line) => `          ${line}`),
    '',
  ].join('\n');
  return { expressions, playbook };
}

/** The rendered file cut back into one text per expression index. */
export function renderedByIndex(output: string): Map<number, string> {
  const out = new Map<number, string>();
  const pieces = output.split(/^@@ (\d+)\n/m);
  for (let index = 1; index < pieces.length; index += 2) out.set(Number(pieces[index]), pieces[index + 1]!.replace(/\n$/, ''));
  return out;
}
