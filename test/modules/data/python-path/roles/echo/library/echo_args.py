#!/usr/bin/python
# A module in a role's library/ for cxplay's Python-path tests: returns its
# arguments, the check and diff mode it was told, and the user it ran as;
# with change=true it reports a change, and a diff in diff mode.
import os

from ansible.module_utils.basic import AnsibleModule


def main():
    module = AnsibleModule(
        argument_spec=dict(
            value=dict(type='str', required=True),
            secret=dict(type='str', no_log=True),
            change=dict(type='bool', default=False),
        ),
        supports_check_mode=True,
    )
    result = dict(
        changed=module.params['change'],
        value=module.params['value'],
        check_mode=module.check_mode,
        diff_mode=module._diff,
        uid=os.geteuid(),
    )
    if module._diff and module.params['change']:
        result['diff'] = dict(before='old\n', after=module.params['value'] + '\n')
    module.exit_json(**result)


if __name__ == '__main__':
    main()
