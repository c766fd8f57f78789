/**
 * `vars_prompt:`: each play's questions, asked on the terminal before the run
 * starts (before the live view takes the screen), as ansible-playbook 2.14
 * asks them: "PROMPT [DEFAULT]: ", hidden unless `private: false`, asked
 * twice with `confirm` ("***** VALUES ENTERED DO NOT MATCH ****" and again
 * when the two differ), an empty answer taking the default, `encrypt`
 * hashing the answer as password_hash does, `unsafe` keeping it from being
 * templated. A variable given with -e is not asked for. Without a terminal
 * on stdin a question with a default takes it (Ansible warns and does the
 * same); one without is refused, naming where it is written (Ansible would
 * go on with the text "None").
 */
import { isatty } from 'node:tty';
import { CxError, ExitCode } from '../errors.js';
import type { Play, Playbook, VarPrompt } from '../load/model.js';
import { isCryptScheme, passwordHash } from '../template/filters/hash.js';
import { UnsafeText } from '../template/unsafe.js';
import { fromTerminal, lineFromTerminal } from './prompt.js';

/** How a question is put to the operator: hidden (private) or echoed. */
export interface Asker {
  readonly interactive: boolean;
  ask(prompt: string, hidden: boolean): Promise<string>;
  say(line: string): void;
}

const terminal: Asker = {
  interactive: isatty(0),
  ask: (prompt, hidden) => (hidden ? fromTerminal(prompt) : lineFromTerminal(prompt)),
  say: (line) => process.stderr.write(`${line}\n`),
};

/** The playbook with each play's prompted values among its vars (those given with -e are left to -e). */
export async function answerVarsPrompts(playbook: Playbook, extraVars: Readonly<Record<string, unknown>>, asker: Asker = terminal): Promise<Playbook> {
  const questions = playbook.plays.flatMap((play) => play.varsPrompt).filter((question) => !Object.hasOwn(extraVars, question.name));
  if (questions.length === 0) return playbook;
  for (const question of questions) checkQuestion(question, asker.interactive);
  if (!asker.interactive) asker.say('[WARNING]: Not prompting as we are not in interactive mode');
  const plays: Play[] = [];
  for (const play of playbook.plays) {
    const answers: Record<string, unknown> = {};
    for (const question of play.varsPrompt) {
      if (!Object.hasOwn(extraVars, question.name)) answers[question.name] = await answer(question, asker);
    }
    plays.push(Object.keys(answers).length === 0 ? play : { ...play, vars: { ...play.vars, ...answers } });
  }
  return { ...playbook, plays };
}

/** What --syntax-check and the listings see: each question's default, as Ansible gives them there. */
export function defaultVarsPrompts(playbook: Playbook, extraVars: Readonly<Record<string, unknown>>): Playbook {
  const plays = playbook.plays.map((play) => {
    const defaults = play.varsPrompt.filter((question) => !Object.hasOwn(extraVars, question.name)).map((question) => [question.name, question.default ?? '']);
    return defaults.length === 0 ? play : { ...play, vars: { ...play.vars, ...Object.fromEntries(defaults) } };
  });
  return { ...playbook, plays };
}

/** Refuses, before anything is asked, a question that cannot be answered. */
function checkQuestion(question: VarPrompt, interactive: boolean): void {
  if (question.encrypt !== undefined && !isCryptScheme(question.encrypt)) {
    throw new CxError(`vars_prompt '${question.name}': encrypt: ${question.encrypt} is not supported`, { at: question.at, hint: 'use encrypt: sha512_crypt (or sha256_crypt)' });
  }
  if (!interactive && question.default === undefined) {
    throw new CxError(`vars_prompt '${question.name}' needs an answer, and stdin is not a terminal to ask on`, {
      at: question.at,
      exitCode: ExitCode.badOptions,
      hint: `run from a terminal, pass it with -e ${question.name}=..., or give the prompt a default:`,
    });
  }
}

async function answer(question: VarPrompt, asker: Asker): Promise<unknown> {
  const typed = asker.interactive ? await typedAnswer(question, asker) : '';
  const text = typed === '' && question.default !== undefined ? question.default : typed;
  const value = question.encrypt === undefined ? text : passwordHash(text, question.encrypt, question.salt, question.saltSize);
  return question.unsafe ? new UnsafeText(value) : value;
}

async function typedAnswer(question: VarPrompt, asker: Asker): Promise<string> {
  const label = question.prompt ?? question.name;
  const prompt = question.default === undefined ? `${label}: ` : `${label} [${question.default}]: `;
  for (;;) {
    const first = await asker.ask(prompt, question.private);
    if (!question.confirm) return first;
    const second = await asker.ask(`confirm ${prompt}`, question.private);
    if (first === second) return first;
    asker.say('***** VALUES ENTERED DO NOT MATCH ****');
  }
}
