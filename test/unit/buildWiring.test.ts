import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { VALIDATOR_FILE, backlogValidatorSource } from '../../build/backlogValidator.mjs';

const root = path.resolve(__dirname, '../..');
const metaFile = path.join(root, 'dist', 'meta.json');

/** What `esbuild.mjs` writes next to the bundles: its chunk map and esbuild's metafile outputs. */
interface BuildMeta {
  lazyChunks: Record<string, string>;
  outputs: Record<string, { bytes: number; inputs: Record<string, unknown> }>;
}

function readMeta(): BuildMeta {
  assert.ok(existsSync(metaFile), `${metaFile} is missing; build first: node esbuild.mjs`);
  return JSON.parse(readFileSync(metaFile, 'utf8')) as BuildMeta;
}

/** The source files bundled into one output, by their path from the project root. */
function inputsOf(meta: BuildMeta, output: string): string[] {
  const entry = meta.outputs[output];
  assert.ok(entry, `the build has no ${output}`);
  return Object.keys(entry.inputs);
}

describe('the build wiring', () => {
  const meta = readMeta();
  const chunks = Object.entries(meta.lazyChunks);

  it('names lazily loaded chunks whose entry files exist', () => {
    assert.ok(chunks.length > 0);
    const missing = chunks.filter(([, source]) => !existsSync(path.join(root, source))).map(([name, source]) => `${name}: ${source}`);
    assert.deepEqual(missing, []);
  });

  it('keeps every lazily loaded module out of the activation bundle', () => {
    const activation = new Set(inputsOf(meta, 'dist/extension.js'));
    const bundled = chunks.filter(([, source]) => activation.has(source)).map(([name]) => name);
    assert.deepEqual(bundled, []);
  });

  it('bundles each chunk into its own file only', () => {
    const copies: string[] = [];
    for (const [name, source] of chunks) {
      for (const output of [`dist/extension.js`, ...chunks.map(([other]) => `dist/${other}.js`)]) {
        if (output !== `dist/${name}.js` && inputsOf(meta, output).includes(source)) copies.push(`${name} in ${output}`);
      }
    }
    assert.deepEqual(copies, []);
  });

  it('ships the schema validator as generated from the current schema', () => {
    assert.equal(readFileSync(path.join(root, VALIDATOR_FILE), 'utf8'), backlogValidatorSource(), 'run node esbuild.mjs and commit the validator');
  });
});
