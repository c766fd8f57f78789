/**
 * uri's `body_format: form-multipart` body as Ansible 2.14 builds it (its uri
 * action and module_utils/urls.py prepare_multipart, measured): the fields
 * in sorted order, a text value as a text/plain part, a mapping as a part
 * of `content` (line breaks made CR LF) or, without content, of the bytes
 * of the file `filename` (found on the controller, or read on the target
 * with remote_src) in base64 lines; `mime_type`, else the type the target's
 * mime.types files or Python's own table give the file name's extension.
 * The body is made on the target by a shell function (cx_uri_body): the
 * parts known here travel as base64, the target adds file bytes and guessed
 * types (cx_uri_file_base64, cx_uri_mime_type in engine/modules/sh/uri.sh).
 */
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { heredocBase64, quote } from '../../connection/quote.js';
import { byCodePoint, isDict, pythonString, pythonTypeName, truthy } from '../../template/python.js';
import { CxError } from '../../errors.js';
import { notFoundMessage } from '../include_vars.js';
import { PYTHON_COMMON_TYPES, PYTHON_ENCODINGS, PYTHON_STANDARD_TYPES, PYTHON_SUFFIXES } from './python-mime-types.js';

/** The request's Content-Type and the definition of cx_uri_body, which prints the body. */
export interface MultipartBody {
  readonly contentType: string;
  readonly bodyFunction: string;
}

/** A piece of the body: bytes known on the controller, or a command whose output the target adds. */
type Piece = Buffer | { readonly command: string };

const CRLF = '\r\n';

/** Finds a file of the task on the controller (the `files` search path) or throws. */
export type FindFile = (filename: string) => string;

/**
 * The body, or the message of Ansible's failure for it: checks first what
 * its action checks (a mapping; each file to send found on the controller),
 * then what its module does, field by field in sorted order. FILES_ON_HOST:
 * the action sends no file (remote_src), the module reads them on the host.
 */
export function multipartBody(body: unknown, filesOnHost: boolean, findFile: FindFile): MultipartBody | { readonly error: string } {
  if (!isDict(body)) return { error: filesOnHost ? `failed to parse body as form-multipart: Mapping is required, cannot be type ${pythonTypeName(body)}` : `body must be mapping, cannot be type ${typeName(body)}` };
  const controllerFiles = new Map<string, Buffer>();
  if (!filesOnHost) {
    for (const [field, value] of Object.entries(body)) {
      if (!isDict(value) || !truthy(value.filename) || truthy(value.content)) continue;
      const found = controllerFile(field, value.filename, findFile);
      if ('error' in found) return found;
      controllerFiles.set(field, found.bytes);
    }
  }
  const boundary = `===============${Array.from({ length: 19 }, () => randomInt(10)).join('')}==`;
  const pieces: Piece[] = [];
  for (const field of Object.keys(body).sort(byCodePoint)) {
    const part = partPieces(field, body[field], controllerFiles.get(field));
    if ('error' in part) return { error: `failed to parse body as form-multipart: ${part.error}` };
    pieces.push(Buffer.from(`--${boundary}${CRLF}`), ...part.pieces, Buffer.from(CRLF));
  }
  pieces.push(Buffer.from(`--${boundary}--${CRLF}`));
  return { contentType: `multipart/form-data; boundary="${boundary}"`, bodyFunction: bodyFunction(pieces) };
}

/** The class name Ansible's action gives a value in "cannot be type": a YAML string is an AnsibleUnicode there. */
function typeName(value: unknown): string {
  return typeof value === 'string' ? 'AnsibleUnicode' : pythonTypeName(value);
}

/** The bytes of a field's file, found on the controller as Ansible's action finds it before sending it to the target. */
function controllerFile(field: string, filename: unknown, findFile: FindFile): { readonly bytes: Buffer } | { readonly error: string } {
  if (typeof filename !== 'string') return { error: `the filename of the form-multipart field '${field}' must be a string, not ${pythonTypeName(filename)}` };
  let path: string;
  try {
    path = findFile(filename);
  } catch (error) {
    if (error instanceof CxError) return { error: notFoundMessage(filename, error.hint) };
    throw error;
  }
  try {
    return { bytes: readFileSync(path) };
  } catch (error) {
    return { error: `failed to send the file of the form-multipart field '${field}' (${path}): ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
}

/** One part's headers and payload; CONTROLLER_BYTES: its file's bytes when found on the controller. */
function partPieces(field: string, value: unknown, controllerBytes: Buffer | undefined): { readonly pieces: Piece[] } | { readonly error: string } {
  if (typeof value === 'string') return { pieces: [Buffer.from(`Content-Type: text/plain${CRLF}${disposition(field, undefined)}${CRLF}${CRLF}${crlfLines(value)}`)] };
  if (!isDict(value)) return { error: `value must be a string, or mapping, cannot be type ${pythonTypeName(value)}` };
  const { filename, content, mime_type: mimeType } = value;
  if (!truthy(filename) && !truthy(content)) return { error: 'at least one of filename or content must be provided' };
  if (truthy(filename) && typeof filename !== 'string') return { error: `expected str, bytes or os.PathLike object, not ${pythonTypeName(filename)}` };
  const name = truthy(filename) ? (filename as string) : undefined;
  const type: Piece = truthy(mimeType) ? Buffer.from(withSubtype(pythonString(mimeType))) : guessedType(name ?? '');
  const headers = (fromFile: boolean) => [Buffer.from(`${fromFile ? `Content-Transfer-Encoding: base64${CRLF}` : ''}Content-Type: `), type, Buffer.from(`${CRLF}${disposition(field, name)}${CRLF}${CRLF}`)];
  if (truthy(content)) return { pieces: [...headers(false), Buffer.from(crlfLines(pythonString(content)))] };
  const payload: Piece = controllerBytes === undefined ? { command: `cx_uri_file_base64 ${quote(name!)} ${quote(field)}` } : Buffer.from(base64Lines(controllerBytes));
  return { pieces: [...headers(true), payload] };
}

/** The Content-Disposition header: the field's name and the file's base name as parameters (quoted, or RFC 2231 for non-ASCII text). */
function disposition(field: string, filename: string | undefined): string {
  const parameters = [parameter('name', field), ...(filename === undefined ? [] : [parameter('filename', filename.slice(filename.lastIndexOf('/') + 1))])];
  return `Content-Disposition: form-data; ${parameters.join('; ')}`;
}

/** A header parameter as Python's email package writes it: an empty value as the bare name. */
function parameter(name: string, value: string): string {
  if (value === '') return name;
  if (/[^\x00-\x7f]/.test(value)) return `${name}*=utf-8''${encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)}`;
  return `${name}="${value.replace(/[\\"]/g, '\\$&')}"`;
}

/** Text with each line break (CR LF, CR or LF) made CR LF, as the email generator writes a text part. */
function crlfLines(text: string): string {
  return text.replace(/\r\n|\r|\n/g, CRLF);
}

/** Bytes as a base64 part carries them: lines of 76 characters, each ending in CR LF. */
function base64Lines(bytes: Buffer): string {
  return (bytes.toString('base64').match(/.{1,76}/g) ?? []).map((line) => line + CRLF).join('');
}

/** A type as Ansible puts it back together after splitting it at its first slash (`text` becomes `text/`). */
function withSubtype(type: string): string {
  return type.includes('/') ? type : `${type}/`;
}

/**
 * The type Python's mimetypes.guess_type gives FILENAME on the target: the
 * extension (after a .tgz is made .tar.gz and a compression's extension is
 * left out), lower case, looked up in the target's mime.types files
 * (cx_uri_mime_type), else in Python's own table, else
 * application/octet-stream.
 */
function guessedType(filename: string): Piece {
  let [base, extension] = splitExtension(filename);
  while (PYTHON_SUFFIXES[extension.toLowerCase()] !== undefined) [base, extension] = splitExtension(base + PYTHON_SUFFIXES[extension.toLowerCase()]);
  if (PYTHON_ENCODINGS.has(extension)) [, extension] = splitExtension(base);
  extension = extension.toLowerCase();
  const builtIn = PYTHON_STANDARD_TYPES.get(extension) ?? PYTHON_COMMON_TYPES.get(extension) ?? 'application/octet-stream';
  return extension.length > 1 ? { command: `cx_uri_mime_type ${quote(extension)} ${quote(builtIn)}` } : Buffer.from(builtIn);
}

/** Python's posixpath.splitext: the last name's extension, a name's leading dots not counting. */
function splitExtension(path: string): [string, string] {
  const dot = path.lastIndexOf('.');
  const nameStart = path.lastIndexOf('/') + 1;
  if (dot <= nameStart || /^\.+$/.test(path.slice(nameStart, dot))) return [path, ''];
  return [path.slice(0, dot), path.slice(dot)];
}

/** cx_uri_body: prints the pieces in order, stopping at the first command that fails. */
function bodyFunction(pieces: readonly Piece[]): string {
  const merged: Piece[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (Buffer.isBuffer(piece) && Buffer.isBuffer(last)) merged[merged.length - 1] = Buffer.concat([last, piece]);
    else merged.push(piece);
  }
  const lines = merged.map((piece, index) => {
    const and = index < merged.length - 1 ? '&&' : '';
    return Buffer.isBuffer(piece) ? heredocBase64('base64 -d', piece, and) : `${piece.command} ${and}`.trimEnd();
  });
  return `cx_uri_body() {\n${lines.join('\n')}\n}`;
}
