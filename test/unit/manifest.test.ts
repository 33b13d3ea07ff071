import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  l10n: string;
  contributes: {
    commands: { command: string; category?: string; icon?: string }[];
    menus: Record<string, { command: string }[]>;
    walkthroughs: { steps: { media: { markdown?: string } }[] }[];
    jsonValidation: { url: string }[];
    viewsContainers: { activitybar: { icon: string }[] };
  };
};
const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

describe('the extension manifest', () => {
  it('has a translation for every %placeholder%', () => {
    const keys = [...readFileSync(path.join(root, 'package.json'), 'utf8').matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 20);
    const missing = keys.filter((key) => !(key in nls));
    assert.deepEqual(missing, []);
  });

  it('gives every command a category and every menu entry a declared command', () => {
    const declared = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const command of manifest.contributes.commands) {
      assert.ok(command.category, `${command.command} has a category`);
    }
    for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
      for (const item of items) {
        assert.ok(declared.has(item.command), `${menu} names the declared command ${item.command}`);
      }
    }
  });

  it('points at files that exist', () => {
    const files = [
      ...manifest.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => s.media.markdown ?? '')),
      ...manifest.contributes.jsonValidation.map((v) => v.url),
      ...manifest.contributes.viewsContainers.activitybar.map((c) => c.icon),
    ];
    for (const file of files) {
      assert.ok(existsSync(path.join(root, file)), `${file} exists`);
    }
  });

  it('packages every file the built extension and its webviews load', function () {
    // `vsce ls` applies .vscodeignore exactly as packaging does; the build must have run (npm test builds first).
    this.timeout(60000);
    assert.ok(existsSync(path.join(root, manifest.main)), `${manifest.main} is built`);
    const vsce = path.join(root, 'node_modules', '.bin', 'vsce');
    const listed = new Set(execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean));
    // The merge driver is copied into .git by a command, not required.
    const needed = [path.posix.normalize(manifest.main), 'dist/mergeDriver.js', ...readdirSync(path.join(root, 'dist', 'webview')).filter((f) => f.endsWith('.js')).map((f) => `dist/webview/${f}`)];
    const seen = new Set<string>();
    while (needed.length > 0) {
      const file = needed.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      assert.ok(listed.has(file), `${file} is in the package`);
      // The lazily loaded chunks are required or imported by relative path from one another.
      for (const match of readFileSync(path.join(root, file), 'utf8').matchAll(/(?:require|import)\("\.\/([^"]+)"\)/g)) {
        needed.push(path.posix.join(path.posix.dirname(file), match[1]));
      }
    }
    assert.ok(seen.size > 5, `the extension's files were followed (${[...seen].join(', ')})`);
  });

  it('packages the runtime string bundle that the l10n field names', function () {
    this.timeout(60000);
    const bundle = path.posix.join(path.posix.normalize(manifest.l10n), 'bundle.l10n.json');
    assert.ok(existsSync(path.join(root, bundle)), `${bundle} is built`);
    const vsce = path.join(root, 'node_modules', '.bin', 'vsce');
    const listed = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' }).split('\n');
    assert.ok(listed.includes(bundle), `${bundle} is in the package`);
  });
});
