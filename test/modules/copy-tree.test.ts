/**
 * The local tree a directory copy sends, as Ansible's copy action lists it
 * (_walk_dirs): a trailing slash on src copies what the directory holds,
 * none the directory itself; links followed by default (a link back into
 * the tree stays a link), kept with local_follow false.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { walkLocal } from '../../engine/modules/lib/copy-tree.js';
import { tempDir } from './context.js';

const dir = tempDir('cxplay-copy-tree-');
afterAll(() => dir.cleanup());
const tree = join(dir.path, 'tree');
mkdirSync(join(tree, 'sub', 'deep'), { recursive: true });
mkdirSync(join(dir.path, 'shared'));
writeFileSync(join(tree, 'a.txt'), 'a');
writeFileSync(join(tree, 'sub', 'deep', 'c.txt'), 'c');
writeFileSync(join(dir.path, 'shared', 's.txt'), 's');
symlinkSync('a.txt', join(tree, 'link-to-file'));
symlinkSync('../shared', join(tree, 'link-to-dir'));
symlinkSync('..', join(tree, 'sub', 'loop'));

describe('walkLocal', () => {
  it('without a trailing slash: the directory itself, links followed, a loop kept as a link', () => {
    expect(walkLocal(tree, true)).toEqual({
      files: [
        { full: join(tree, 'a.txt'), rel: 'tree/a.txt' },
        { full: join(dir.path, 'shared', 's.txt'), rel: 'tree/link-to-dir/s.txt' },
        { full: join(tree, 'a.txt'), rel: 'tree/link-to-file' },
        { full: join(tree, 'sub', 'deep', 'c.txt'), rel: 'tree/sub/deep/c.txt' },
      ],
      directories: ['tree/link-to-dir', 'tree/sub', 'tree/sub/deep'],
      symlinks: [{ target: '..', rel: 'tree/sub/loop' }],
    });
  });

  it('with a trailing slash and local_follow false: what it holds, every link kept', () => {
    expect(walkLocal(`${tree}/`, false)).toEqual({
      files: [
        { full: join(tree, 'a.txt'), rel: 'a.txt' },
        { full: join(tree, 'sub', 'deep', 'c.txt'), rel: 'sub/deep/c.txt' },
      ],
      directories: ['sub', 'sub/deep'],
      symlinks: [
        { target: '../shared', rel: 'link-to-dir' },
        { target: 'a.txt', rel: 'link-to-file' },
        { target: '..', rel: 'sub/loop' },
      ],
    });
  });
});
