// Bundles the extension (node, cjs), the webview scripts (browser, iife) and the extension-host test suite.
// Type-checking runs separately (`npm run typecheck`), as esbuild only strips types.
import * as esbuild from 'esbuild';
import { getL10nJson } from '@vscode/l10n-dev';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBacklogValidator } from './build/backlogValidator.mjs';

const production = process.argv.includes('--production');
const root = fileURLToPath(new URL('.', import.meta.url));
const watch = process.argv.includes('--watch');

const shared = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
  metafile: true,
};

/**
 * Activation (src/extension.ts) registers stand-in commands only; `features` builds everything else
 * right after. The parser (with the schema validator), the merge, git support and the Retro Board are the
 * heaviest code the extension has; the retro summary carries a Markdown serialiser. Each ships as its own file, loaded on first use, so activation
 * neither compiles nor runs them, and each is bundled once: the files require one another instead
 * of embedding copies. The backlog store is shared the same way, so the board's chunks and the
 * extension see one BacklogWriteError class.
 *
 * Chunk name (the file in dist/) → its entry source. `test/unit/buildWiring.test.ts` reads the
 * metafile and fails when an entry is missing or a chunk's code is bundled into another file.
 */
const lazyChunks = {
  features: 'src/features.ts',
  parse: 'src/core/file/parse.ts',
  merge: 'src/core/merge/merge.ts',
  backlogSync: 'src/adapters/sync/backlogSync.ts',
  backlogStatus: 'src/adapters/sync/backlogStatus.ts',
  branchOutbox: 'src/adapters/sync/branchOutbox.ts',
  gitRunner: 'src/adapters/sync/gitRunner.ts',
  gitRenames: 'src/adapters/codeLinks/gitRenames.ts',
  backlogStore: 'src/adapters/file/backlogStore.ts',
  retroBoardPanel: 'src/ui/retro/retroBoardPanel.ts',
  retroBoardActions: 'src/ui/retro/retroBoardActions.ts',
  retroSummary: 'src/core/retro/retroSummary.ts',
  trackerActions: 'src/ui/tracker/trackerActions.ts',
  similarEntries: 'src/core/votes/similarEntries.ts',
  mergeDriverSetup: 'src/adapters/mergeDriver/mergeDriverSetup.ts',
};

/**
 * npm packages that more than one chunk uses, each shipped once as a chunk of its own that the others
 * require. Chunk name → package. The merge driver and the command line stand alone and embed their own.
 */
const packageChunks = {
  simpleGit: 'simple-git',
};

const chunkBySource = new Map(Object.entries(lazyChunks).map(([name, source]) => [resolve(root, source), name]));
const chunkByPackage = new Map(Object.entries(packageChunks).map(([name, pkg]) => [pkg, name]));
const sourceSuffixes = ['', '.ts', '/index.ts'];

/** Resolves a relative import to its source file, or undefined when it names no file. */
function sourceOf(resolveDir, specifier) {
  const base = resolve(resolveDir, specifier);
  return sourceSuffixes.map((suffix) => base + suffix).find((file) => existsSync(file) && statSync(file).isFile());
}

/** Turns every import of a chunk's entry source, or of a shared package, into a require of the chunk's own file. */
const chunkImports = {
  name: 'lazy-chunks',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const source = sourceOf(args.resolveDir, args.path);
      const chunk = source && chunkBySource.get(source);
      return chunk ? { path: `./${chunk}.js`, external: true } : undefined;
    });
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const chunk = args.kind === 'entry-point' ? undefined : chunkByPackage.get(args.path);
      return chunk ? { path: `./${chunk}.js`, external: true } : undefined;
    });
  },
};

/**
 * Leaves `@vscode-elements`' icon component out of the report's page, which loads nothing
 * (src/adapters/report): the button component registers it, but the board never draws one (its
 * buttons carry codicon spans), and its template holds a style sheet link.
 */
const noIconComponent = {
  name: 'no-icon-component',
  setup(build) {
    build.onResolve({ filter: /\/vscode-icon\/index\.js$/ }, () => ({ path: 'vscode-icon', namespace: 'no-icon-component' }));
    build.onLoad({ filter: /.*/, namespace: 'no-icon-component' }, () => ({ contents: '', loader: 'js' }));
  },
};

const node = {
  ...shared,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // jsonc-parser's default entry is a UMD build whose dynamic requires esbuild cannot follow.
  mainFields: ['module', 'main'],
};

const builds = [
  {
    ...node,
    entryPoints: { extension: 'src/extension.ts', ...lazyChunks, ...packageChunks },
    plugins: [chunkImports],
    outdir: 'dist',
    external: ['vscode'],
  },
  // git runs the merge driver from a copy in .git, so it must stand alone.
  { ...node, entryPoints: { mergeDriver: 'src/adapters/mergeDriver/mergeDriverCli.ts' }, outdir: 'dist' },
  // The `stupid-work` command line stands alone too: it is run by npm's bin link, not by VS Code.
  { ...node, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  {
    ...shared,
    // The components ship once, in controls.js, which each webview loads before its own script.
    entryPoints: { controls: 'src/webview/controls/vscodeElements.ts', log: 'src/webview/log/main.ts', board: 'src/webview/board/main.ts' },
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  // The static report's script, inlined by the command line into the one page it writes (src/adapters/report);
  // outside dist/webview, so the extension's package does not carry it, and without a map the page would point to.
  {
    ...shared,
    entryPoints: { page: 'src/webview/report/main.ts' },
    outdir: 'dist/report',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: false,
    // Comments, the components' links to their documentation among them, are dead weight in the page.
    minifyWhitespace: true,
    plugins: [noIconComponent],
  },
];
if (!production) {
  builds.push({
    ...node,
    entryPoints: { host: 'test/host/index.ts' },
    outdir: 'dist/test',
    external: ['vscode', 'mocha', 'playwright-core', 'simple-git'],
  });
}

function copyCodicons() {
  mkdirSync('dist/codicons', { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) {
    cpSync(`node_modules/@vscode/codicons/dist/${file}`, `dist/codicons/${file}`);
  }
}

/**
 * The English bundle of runtime strings, which `package.json`'s `l10n` field points to: every
 * `l10n.t('…')` template in src/, as `@vscode/l10n-dev export` extracts it, sorted for a stable diff
 * of a translation. Generated, not committed; translations (`bundle.l10n.<locale>.json`) sit beside it.
 */
async function writeL10nBundle() {
  const files = readdirSync('src', { recursive: true })
    .filter((file) => extname(file) === '.ts')
    .map((file) => ({ extension: '.ts', contents: readFileSync(join('src', file), 'utf8') }));
  const bundle = await getL10nJson(files);
  const sorted = Object.fromEntries(Object.keys(bundle).sort().map((key) => [key, bundle[key]]));
  mkdirSync('l10n', { recursive: true });
  writeFileSync('l10n/bundle.l10n.json', `${JSON.stringify(sorted, null, 2)}\n`);
}

// A bundle whose source was renamed or removed must not linger in dist/ and ship in the package.
rmSync('dist', { recursive: true, force: true });
copyCodicons();
writeBacklogValidator();
await writeL10nBundle();
if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
  console.log('[watch] build started');
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  // What each output file holds, for the tests and the bench; not part of the package.
  const outputs = Object.assign({}, ...results.map((result) => result.metafile.outputs));
  writeFileSync('dist/meta.json', JSON.stringify({ lazyChunks, packageChunks, outputs }));
}
