/** Time filters: to_datetime (a Python datetime, see python-datetime.ts) and strftime of an epoch or now. */
import { TemplateError } from '../../errors.js';
import { PyDateTime, strftime, timeParts } from '../python-datetime.js';
import { parseFloatStrict } from './math.js';
import { type FilterTable, param, text } from './support.js';

export const DATETIME_FILTERS: FilterTable = {
  to_datetime: (value, args, kwargs) => PyDateTime.parse(text(value), text(param(args, kwargs, 0, 'format', '%Y-%m-%d %H:%M:%S'))),
  strftime: (value, args, kwargs) => {
    const second = param<unknown>(args, kwargs, 0, 'second', null);
    const epoch = second === null ? Date.now() / 1000 : typeof second === 'number' ? second : parseFloatStrict(text(second));
    if (epoch === undefined) throw new TemplateError(`Invalid value for epoch value (${text(second)})`);
    return strftime(text(value), timeParts(epoch, Boolean(param(args, kwargs, 1, 'utc', false))));
  },
};
