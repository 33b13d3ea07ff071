import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { VALIDATOR_FILE, backlogValidatorSource } from '../../build/backlogValidator.mjs';

const root = path.resolve(__dirname, '../..');
const metaFile = path.join(root, 'dist', 'meta.json');

/** What `esbuild.mjs` writes next to the bundles: its chunk map and esbuild's metafile outputs. */
interface BuildMeta {
  lazyChunks: Record<string, string>;
  /** Chunk name → the npm package it ships. */
  packageChunks: Record<string, string>;
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

/** The npm package a bundled input comes from, or undefined for the project's own files. */
function packageOf(input: string): string | undefined {
  return /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
}

/** What activation loads: its own file and the stand-in commands, nothing that builds a feature. */
const ACTIVATION_INPUTS = ['src/extension.ts', 'src/ui/shared/lazyCommands.ts'];
const ACTIVATION_MAX_BYTES = 4 * 1024;
/**
 * git runs the merge driver from a copy in .git, npm's bin link runs the command line, and the command
 * line inlines the report's script into the one page it writes: each carries what it needs.
 */
const STANDALONE = ['dist/mergeDriver.js', 'dist/cli.js', 'dist/report/page.js'];

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

  it('loads only the stand-ins at activation, in a small file', () => {
    const extra = inputsOf(meta, 'dist/extension.js').filter((input) => !ACTIVATION_INPUTS.includes(input));
    assert.deepEqual(extra, []);
    const { bytes } = meta.outputs['dist/extension.js'];
    assert.ok(bytes <= ACTIVATION_MAX_BYTES, `dist/extension.js is ${bytes} bytes, more than ${ACTIVATION_MAX_BYTES}`);
  });

  it('ships each npm package in one file, except in the files that stand alone', () => {
    const shipped = Object.keys(meta.outputs).filter((output) => output.endsWith('.js') && !output.startsWith('dist/test/') && !STANDALONE.includes(output));
    const filesByPackage = new Map<string, Set<string>>();
    for (const output of shipped) {
      for (const pkg of inputsOf(meta, output).map(packageOf)) {
        if (pkg) filesByPackage.set(pkg, (filesByPackage.get(pkg) ?? new Set()).add(output));
      }
    }
    const repeated = [...filesByPackage].filter(([, files]) => files.size > 1).map(([pkg, files]) => `${pkg} in ${[...files].join(', ')}`);
    assert.deepEqual(repeated, []);
    for (const [name, pkg] of Object.entries(meta.packageChunks)) {
      assert.deepEqual([...(filesByPackage.get(pkg) ?? [])], [`dist/${name}.js`], `${pkg} ships in its own chunk`);
    }
  });

  it('ships the schema validator as generated from the current schema', () => {
    assert.equal(readFileSync(path.join(root, VALIDATOR_FILE), 'utf8'), backlogValidatorSource(), 'run node esbuild.mjs and commit the validator');
  });
});
