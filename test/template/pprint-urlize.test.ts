/**
 * Jinja's pprint (Python's pprint.pformat) and urlize filters: each expected
 * text is what ansible-playbook 2.14 printed for the same template
 * (test/compat/python-values/pprint-urlize.yaml runs them under both engines).
 */
import { describe, expect, it } from 'vitest';
import { PyFloat } from '../../engine/template/python.js';
import { renderString } from '../../engine/template/render.js';
import { scopeFromObject } from '../../engine/template/scope.js';

const nested = {
  alpha: { name: 'a fairly long string value that goes on and on', list: Array.from({ length: 22 }, (_, index) => index + 1) },
  mid: 'short',
  long_text: "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.",
  multi: "line one\nline two that is longer than the others by quite a bit, really quite a bit longer\nthree",
};
const scope = scopeFromObject({
  nested: { ...nested, zeta: [1, new PyFloat(2), 'three', { b: 1, a: [true, null] }] },
  tuple_like: [[1, 2], [3, 4]],
  long_string: "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.",
  words: "Visit http://example.com, www.example.org/path?q=1 or (https://x.io/a_(b)) and mail me@example.com or mailto:a@b.co. Also example.com! and ftp://files.example.net & <tags> 'q' \"dq\" https://192.168.1.1:8080/x https://[::1]/ xn--bcher-kva.example",
});

describe('pprint and urlize print as under Ansible', () => {
  it.each([
    ["|{{ nested | pprint }}", "|{'alpha': {'list': [1,\n                    2,\n                    3,\n                    4,\n                    5,\n                    6,\n                    7,\n                    8,\n                    9,\n                    10,\n                    11,\n                    12,\n                    13,\n                    14,\n                    15,\n                    16,\n                    17,\n                    18,\n                    19,\n                    20,\n                    21,\n                    22],\n           'name': 'a fairly long string value that goes on and on'},\n 'long_text': 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do '\n              'eiusmod tempor incididunt ut labore et dolore magna aliqua.',\n 'mid': 'short',\n 'multi': 'line one\\n'\n          'line two that is longer than the others by quite a bit, really '\n          'quite a bit longer\\n'\n          'three',\n 'zeta': [1, 2.0, 'three', {'a': [True, None], 'b': 1}]}"],
    ["|{{ tuple_like | pprint }}", "|[[1, 2], [3, 4]]"],
    ["|{{ long_string | pprint }}", "|('Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod '\n 'tempor incididunt ut labore et dolore magna aliqua.')"],
    ["|{{ [long_string, long_string] | pprint }}", "|['Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod '\n 'tempor incididunt ut labore et dolore magna aliqua.',\n 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod '\n 'tempor incididunt ut labore et dolore magna aliqua.']"],
    ["|{{ {'k': long_string} | pprint }}", "|{'k': 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod '\n      'tempor incididunt ut labore et dolore magna aliqua.'}"],
    ["|{{ 'short' | pprint }}", "|'short'"],
    ["|{{ 2.0 | pprint }} {{ none | pprint }} {{ true | pprint }} {{ {} | pprint }} {{ [] | pprint }}", "|2.0 None True {} []"],
    ["|{{ range(40) | list | pprint }}", "|[0,\n 1,\n 2,\n 3,\n 4,\n 5,\n 6,\n 7,\n 8,\n 9,\n 10,\n 11,\n 12,\n 13,\n 14,\n 15,\n 16,\n 17,\n 18,\n 19,\n 20,\n 21,\n 22,\n 23,\n 24,\n 25,\n 26,\n 27,\n 28,\n 29,\n 30,\n 31,\n 32,\n 33,\n 34,\n 35,\n 36,\n 37,\n 38,\n 39]"],
    ["{{ words | urlize }}", "Visit <a href=\"http://example.com\" rel=\"noopener\">http://example.com</a>, <a href=\"https://www.example.org/path?q=1\" rel=\"noopener\">www.example.org/path?q=1</a> or (<a href=\"https://x.io/a_(b)\" rel=\"noopener\">https://x.io/a_(b)</a>) and mail <a href=\"mailto:me@example.com\">me@example.com</a> or <a href=\"mailto:a@b.co\">a@b.co</a>. Also example.com! and ftp://files.example.net &amp; &lt;tags&gt; &#39;q&#39; &#34;dq&#34; <a href=\"https://192.168.1.1:8080/x\" rel=\"noopener\">https://192.168.1.1:8080/x</a> <a href=\"https://[::1]/\" rel=\"noopener\">https://[::1]/</a> xn--bcher-kva.example"],
    ["{{ words | urlize(15) }}", "Visit <a href=\"http://example.com\" rel=\"noopener\">http://example....</a>, <a href=\"https://www.example.org/path?q=1\" rel=\"noopener\">www.example.org...</a> or (<a href=\"https://x.io/a_(b)\" rel=\"noopener\">https://x.io/a_...</a>) and mail <a href=\"mailto:me@example.com\">me@example.com</a> or <a href=\"mailto:a@b.co\">a@b.co</a>. Also example.com! and ftp://files.example.net &amp; &lt;tags&gt; &#39;q&#39; &#34;dq&#34; <a href=\"https://192.168.1.1:8080/x\" rel=\"noopener\">https://192.168...</a> <a href=\"https://[::1]/\" rel=\"noopener\">https://[::1]/</a> xn--bcher-kva.example"],
    ["{{ words | urlize(trim_url_limit=10, nofollow=true, target='_blank', rel='external noopener') }}", "Visit <a href=\"http://example.com\" rel=\"external nofollow noopener\" target=\"_blank\">http://exa...</a>, <a href=\"https://www.example.org/path?q=1\" rel=\"external nofollow noopener\" target=\"_blank\">www.exampl...</a> or (<a href=\"https://x.io/a_(b)\" rel=\"external nofollow noopener\" target=\"_blank\">https://x....</a>) and mail <a href=\"mailto:me@example.com\">me@example.com</a> or <a href=\"mailto:a@b.co\">a@b.co</a>. Also example.com! and ftp://files.example.net &amp; &lt;tags&gt; &#39;q&#39; &#34;dq&#34; <a href=\"https://192.168.1.1:8080/x\" rel=\"external nofollow noopener\" target=\"_blank\">https://19...</a> <a href=\"https://[::1]/\" rel=\"external nofollow noopener\" target=\"_blank\">https://[:...</a> xn--bcher-kva.example"],
    ["{{ 'see ftp://files.example.net and git+ssh://repo tel:+123' | urlize(extra_schemes=['ftp://', 'tel:', 'git+ssh://']) }}", "see <a href=\"ftp://files.example.net\" rel=\"noopener\">ftp://files.example.net</a> and <a href=\"git+ssh://repo\" rel=\"noopener\">git+ssh://repo</a> <a href=\"tel:+123\" rel=\"noopener\">tel:+123</a>"],
    ["{{ 'x (www.a.com) <http://b.org>. [https://c.net/]. www.d.museum http://e.f' | urlize }}", "x (<a href=\"https://www.a.com\" rel=\"noopener\">www.a.com</a>) &lt;<a href=\"http://b.org\" rel=\"noopener\">http://b.org</a>&gt;. [https://c.net/]. <a href=\"https://www.d.museum\" rel=\"noopener\">www.d.museum</a> http://e.f"],
    ["{{ 'a\n\nhttp://x.com\tend  www.y.com' | urlize }}", "a\n\n<a href=\"http://x.com\" rel=\"noopener\">http://x.com</a>\tend  <a href=\"https://www.y.com\" rel=\"noopener\">www.y.com</a>"],
  ])('%s', (template, expected) => {
    expect(renderString(template, scope)).toBe(expected);
  });

  it('refuses an extra scheme that is not a URI scheme prefix, as Jinja does', () => {
    expect(() => renderString("{{ 'x' | urlize(extra_schemes=['no scheme']) }}", scope)).toThrow(/'no scheme' is not a valid URI scheme prefix/);
  });
});
