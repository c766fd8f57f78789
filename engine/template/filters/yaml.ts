/** YAML filters: to_yaml/to_nice_yaml as PyYAML writes (python-yaml.ts), from_yaml/from_yaml_all as its SafeLoader reads (YAML 1.1). */
import { parse, parseAllDocuments } from 'yaml';
import { TemplateError } from '../../errors.js';
import { pyyamlTags } from '../../load/yaml-scalars.js';
import { pythonYaml } from '../python-yaml.js';
import { type FilterTable, param, text } from './support.js';

/** YAML 1.1 as PyYAML reads it (the playbook loader's scalars: yes/no/on/off are booleans, y/n strings); aliases bounded. */
const READ_OPTIONS = { version: '1.1', customTags: pyyamlTags, maxAliasCount: 100 } as const;

function readError(error: unknown): TemplateError {
  return new TemplateError(`from_yaml: ${(error as Error).message}`);
}

export const YAML_FILTERS: FilterTable = {
  to_yaml: (value, _args, kwargs) =>
    pythonYaml(value, { indent: Number(kwargs.indent ?? 2), flowLeaves: kwargs.default_flow_style !== false, width: Number(kwargs.width ?? 80), sortKeys: kwargs.sort_keys !== false }),
  to_nice_yaml: (value, args, kwargs) =>
    pythonYaml(value, { indent: Number(param(args, kwargs, 0, 'indent', 4)), flowLeaves: false, width: Number(kwargs.width ?? 80), sortKeys: kwargs.sort_keys !== false }),
  from_yaml: (value) => {
    if (typeof value !== 'string') return value;
    try {
      return parse(value, READ_OPTIONS) as unknown;
    } catch (error) {
      throw readError(error);
    }
  },
  from_yaml_all: (value) => {
    if (typeof value !== 'string') return value;
    const documents = parseAllDocuments(text(value), READ_OPTIONS);
    const list = Array.isArray(documents) ? documents : [documents];
    const failed = list.find((document) => document.errors.length > 0);
    if (failed) throw readError(failed.errors[0]);
    return list.map((document) => document.toJS({ maxAliasCount: 100 }) as unknown);
  },
};
