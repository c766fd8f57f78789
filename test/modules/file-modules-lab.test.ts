
describe('assemble over SSH', () => {
  it("joins the host's fragments in name order with a delimiter, validated, then changes nothing; check mode skips it", async () => {
    await sh("mkdir -p /opt/asm/frags && cd /opt/asm/frags && printf 'b\\n' > 20-b && printf 'a' > 10-a && printf 'hidden\\n' > .30-hidden");
    const task = { name: 'assemble', assemble: { src: '/opt/asm/frags', dest: '/opt/asm/out.conf', delimiter: '# --', ignore_hidden: true, validate: 'grep -q b %s', mode: '0640' }, register: 'r' };
    const checked = await play('asm-check', [task], ['--check']);
    expect(checked.recap).toMatchObject({ changed: 0, skipped: 1 });
    expect(await sh('ls /opt/asm')).toBe('frags\n');
    const first = await play('asm', [task, saveResult('r', '/opt/asm/result.json')]);
    expect(first.recap, first.output).toMatchObject({ changed: 2, failed: 0 });
    expect(await sh('cat /opt/asm/out.conf')).toBe('a\n# --\nb\n');
    expect(await sh('stat -c %a /opt/asm/out.conf')).toBe('640\n');
    expect(await registered('/opt/asm/result.json')).toMatchObject({ changed: true, msg: 'OK', src: '/opt/asm/frags', dest: '/opt/asm/out.conf', mode: '0640', validation: { rc: 0, stdout: '', stderr: '' } });
    const again = await play('asm', [task]);
    expect(again.recap).toMatchObject({ changed: 0, failed: 0 });
  });

  it("joins the controller's fragments with remote_src false", async () => {
    work.write('frags/one', 'one\n');
    work.write('frags/two', 'two');
    const run = await play('asm-local', [{ assemble: { src: work.path('frags'), dest: '/opt/asm/local.conf', remote_src: false } }]);
    expect(run.recap, run.output).toMatchObject({ changed: 1, failed: 0 });
    expect(await sh('cat /opt/asm/local.conf')).toBe('one\ntwo');
  });
});
