/** Which `cmd:` lines run without a shell, and the words they are run with: what the shell would have handed the program. */
import { describe, expect, it } from 'vitest';
import { plainArgv } from '../adapters/stdio/command-line.js';

describe('a cmd: line of plain words runs without a shell', () => {
  it('plain words and quoted strings are split as sh splits them', () => {
    expect(plainArgv('/usr/bin/node /x/h.mjs hang-on-large')).toEqual(['/usr/bin/node', '/x/h.mjs', 'hang-on-large']);
    expect(plainArgv(`"/usr/bin/node" "/a b/h.mjs"  x`)).toEqual(['/usr/bin/node', '/a b/h.mjs', 'x']);
    expect(plainArgv(`node 'a'"b"c d ""`)).toEqual(['node', 'abc', 'd', '']);
    expect(plainArgv('python3 -m my_harness --flag=value')).toEqual(['python3', '-m', 'my_harness', '--flag=value']);
  });

  it('anything a shell gives meaning to keeps the shell', () => {
    for (const line of [
      'python3 h.py; true',
      'a | b',
      'a && b',
      'a > log',
      'A=1 node x',
      'node $HOME/x',
      'node "$HOME/x"',
      'node `pwd`/x',
      'node ~/x',
      'node *.js',
      'node a\\ b',
      'exec node x',
      'cd dir',
      'node x &',
      '(node x)',
      'node "unclosed',
      '',
    ]) {
      expect(plainArgv(line), line).toBeUndefined();
    }
  });
});
