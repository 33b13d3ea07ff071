import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
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
});
