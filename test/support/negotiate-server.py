"""An HTTP server on 127.0.0.1 that asks for Kerberos (SPNEGO), as a web server
with mod_auth_gssapi would, for the use_gssapi tests (test/support/kerberos-lab.ts).

Paths under /open answer 200 without asking; every other path answers 401
with `WWW-Authenticate: Negotiate` until a request carries a token it can
accept with the keytab in KRB5_KTNAME, then 200 with the client's name.
Each request is logged (path, who, User-Agent) to the file named by argv[1];
the port it listens on is printed on stdout.
"""
import base64
import http.server
import sys

import gssapi

LOG = sys.argv[1]


def log(line):
    with open(LOG, 'a', encoding='utf-8') as out:
        out.write(line + '\n')


class Handler(http.server.BaseHTTPRequestHandler):
    def answer(self, status, body, headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        agent = self.headers.get('User-Agent', '-')
        auth = self.headers.get('Authorization', '')
        if self.path.startswith('/open'):
            log(f'{self.path} open {auth.split(" ")[0] or "-"} {agent}')
            self.answer(200, b'open\n')
            return
        if not auth.startswith('Negotiate '):
            log(f'{self.path} asked {auth.split(" ")[0] or "-"} {agent}')
            self.answer(401, b'', [('WWW-Authenticate', 'Negotiate')])
            return
        context = gssapi.SecurityContext(usage='accept')
        token = context.step(base64.b64decode(auth[len('Negotiate '):]))
        log(f'{self.path} {context.initiator_name} {agent}')
        headers = [('WWW-Authenticate', 'Negotiate ' + base64.b64encode(token).decode())] if token else []
        self.answer(200, f'hello {context.initiator_name}\n'.encode(), headers)

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(('127.0.0.1', 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
