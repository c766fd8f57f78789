/** Filters about values themselves: default, mandatory, ternary, bool, type_debug, attr. */
import { boolFilter } from '../../booleans.js';
import { TemplateError } from '../../errors.js';
import { member } from '../members.js';
import { pythonTypeName, truthy } from '../python.js';
import { Undefined } from '../undefined.js';
import { type FilterTable, param, text } from './support.js';

export const CORE_FILTERS: FilterTable = {
  default: (value, args, kwargs) => {
    const fallback = param(args, kwargs, 0, 'default_value', '');
    if (value instanceof Undefined) return fallback;
    return param(args, kwargs, 1, 'boolean', false) && !truthy(value) ? fallback : value;
  },
  mandatory: (value, args, kwargs) => {
    if (!(value instanceof Undefined)) return value;
    const message = param<unknown>(args, kwargs, 0, 'msg', null);
    throw new TemplateError(message !== null ? text(message) : `Mandatory variable '${value.name}'  not defined.`);
  },
  ternary: (value, args, kwargs) => {
    const noneValue = param<unknown>(args, kwargs, 2, 'none_val', null);
    if (value === null && noneValue !== null) return noneValue;
    return truthy(value) ? param(args, kwargs, 0, 'true_val') : param(args, kwargs, 1, 'false_val');
  },
  bool: (value) => boolFilter(value),
  type_debug: (value) => (value instanceof Undefined ? 'AnsibleUndefined' : pythonTypeName(value)),
  attr: (value, args, kwargs) => member(value, text(param(args, kwargs, 0, 'name')), text(param(args, kwargs, 0, 'name'))),
};
