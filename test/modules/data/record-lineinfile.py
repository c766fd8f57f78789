#!/usr/bin/python3
"""Records what ansible 2.14's lineinfile does with each case of
lineinfile-ansible-2.14.json (content, changed, msg, and whether a second run
changes again) and rewrites the file. Run by hand where ansible is installed:
    /usr/bin/python3 test/modules/data/record-lineinfile.py
"""
import json
import os
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, 'lineinfile-ansible-2.14.json')


def run(args):
    command = ['ansible', 'localhost', '-c', 'local', '-i', 'localhost,', '-m', 'lineinfile', '-a', json.dumps(args), '-o']
    env = dict(os.environ, ANSIBLE_PYTHON_INTERPRETER='/usr/bin/python3')
    line = subprocess.run(command, capture_output=True, text=True, env=env).stdout.strip()
    return json.loads(line.split('=>', 1)[1])


def record(case):
    path = os.path.join(tempfile.mkdtemp(), 'f')
    with open(path, 'w') as f:
        f.write(case['content'])
    args = dict(case['args'], path=path)
    first = run(args)
    with open(path) as f:
        content = f.read()
    again = run(args)
    expected = {'content': content, 'changed': first.get('changed'), 'msg': first.get('msg'), 'changedAgain': again.get('changed')}
    if first.get('found') is not None:
        expected['found'] = first['found']
    return {'name': case['name'], 'content': case['content'], 'args': case['args'], 'expected': expected}


with open(DATA) as f:
    cases = json.load(f)
with open(DATA, 'w') as f:
    json.dump([record(case) for case in cases], f, indent=1)
    f.write('\n')
