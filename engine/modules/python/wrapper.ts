/**
 * The Python program a host runs for a module (what Ansible's AnsiballZ
 * wrapper does, written for cxplay): the payload zip is written to a private
 * temporary directory and put first on sys.path, the arguments are handed to
 * ansible.module_utils.basic before the module is imported, and the module
 * runs as `__main__`; the directory is removed however the module ends. A
 * WANT_JSON module instead gets the path of a file holding its arguments as
 * JSON. Everything that varies travels base64-encoded, so the program's text
 * is the same for every task and nothing in it can end its here-document.
 */

/** Python source: run PAYLOAD_B64 (a zip) as module FQN with ARGS_B64 (JSON). */
export function ansiballzProgram(fqn: string, payloadBase64: string, argsBase64: string): string {
  return `import base64, os, sys
FQN = ${JSON.stringify(fqn)}
PAYLOAD = """${payloadBase64}"""
ARGS = """${argsBase64}"""
def cx_main():
    # A become user may not be able to read the login user's working directory.
    try:
        os.getcwd()
    except OSError:
        try:
            os.chdir(os.path.expanduser("~"))
        except OSError:
            os.chdir("/")
    sys.path = [entry for entry in sys.path if entry not in ("", ".")]
    import runpy, shutil, tempfile
    workdir = tempfile.mkdtemp(prefix="cxplay_module_")
    try:
        payload = os.path.join(workdir, "payload.zip")
        with open(payload, "wb") as out:
            out.write(base64.b64decode(PAYLOAD))
        sys.path.insert(0, payload)
        from ansible.module_utils import basic
        basic._ANSIBLE_ARGS = base64.b64decode(ARGS)
        runpy.run_module(mod_name=FQN, init_globals=dict(_module_fqn=FQN, _modlib_path=payload), run_name="__main__", alter_sys=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
cx_main()
`;
}
