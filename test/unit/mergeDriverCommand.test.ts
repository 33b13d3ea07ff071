import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { driverCommand, registeredDriver, shellQuote } from '../../src/adapters/mergeDriver/mergeDriverCommand';

describe('the merge driver command line', () => {
  const program = { runtime: "/Applications/Visual Studio Code.app/Contents/MacOS/It's Electron", program: '/repo/.git/stupid-work/merge-driver.js' };

  it('quotes words so a POSIX shell reads them back exactly', () => {
    for (const word of ["It's", 'a b', '$HOME', '`x`', '"q"', 'C:\\Program Files\\Code.exe']) {
      assert.equal(execFileSync('sh', ['-c', `printf %s ${shellQuote(word)}`], { encoding: 'utf8' }), word);
    }
  });

  it('reads back the runtime and program it registered, whatever their characters', () => {
    assert.deepEqual(registeredDriver(driverCommand(program)), { ...program, guarded: true });
  });

  it('reads back an earlier version\'s registration as unguarded, and nobody else\'s', () => {
    const earlier = `ELECTRON_RUN_AS_NODE=1 ${shellQuote(program.runtime)} ${shellQuote(program.program)} %O %A %B`;
    assert.deepEqual(registeredDriver(earlier), { ...program, guarded: false });
    assert.equal(registeredDriver('node /usr/lib/my-driver.js %O %A %B'), undefined);
  });

  it('hands git\'s placeholders to the program and to git merge-file outside any quotes', () => {
    const command = driverCommand(program);
    assert.match(command, /"\$p" %O %A %B %P && exit 0;/);
    assert.match(command, /git merge-file --marker-size=%L -L ours -L base -L theirs %A %O %B; exit 1$/);
    const doubleQuoted = command.match(/"[^"]*"/g) ?? [];
    assert.ok(doubleQuoted.length > 0);
    assert.deepEqual(doubleQuoted.filter((s) => /%[OABLP]/.test(s)), [], 'git quotes what it substitutes; double quotes around it would break that');
  });
});
