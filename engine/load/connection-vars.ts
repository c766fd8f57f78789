/**
 * Connection variables written as literals are checked where they are
 * written (inventory, group_vars/host_vars, vars files, play/block/task
 * vars), so `ansible_port: twenty-two` is a load error naming its own
 * file:line:col rather than a failure of every task with Node's socket
 * message at the task's position. A template is checked when the connection
 * is opened (portNumber below).
 */
import { CxError, type SourcePosition } from '../errors.js';
import { keyPositionOf } from './positions.js';

const TEMPLATED = /\{\{|\{%/;

/** Refuse a literal ansible_port that is no TCP port. */
export function checkConnectionVars(vars: unknown, fallback: SourcePosition): void {
  if (!vars || typeof vars !== 'object' || !Object.prototype.hasOwnProperty.call(vars, 'ansible_port')) return;
  const port = (vars as Record<string, unknown>).ansible_port;
  if (isBadLiteralPort(port)) throw badPort(port, keyPositionOf(vars, 'ansible_port', fallback));
}

/** A value that is no port and no template either (null is "not set"). */
export function isBadLiteralPort(value: unknown): boolean {
  if (value === null || value === undefined || (typeof value === 'string' && TEMPLATED.test(value))) return false;
  return portNumber(value) === undefined;
}

/** A port number from 1 to 65535 (as a number or a string of digits), else undefined. */
export function portNumber(value: unknown): number | undefined {
  const port = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65_535 ? port : undefined;
}

export function badPort(value: unknown, at?: SourcePosition): CxError {
  return new CxError(`ansible_port must be a port number from 1 to 65535; got ${JSON.stringify(value)}`, { at, hint: 'write the SSH port as digits, e.g. ansible_port: 22' });
}
