import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { paths } from '../harness/host.mjs';

/** The board before its detail pane, filter popover and CSS charts: the figures' "before". */
export const BASELINE_COMMIT = '9e291b9';

/** The last version whose webviews drew hand-styled native controls, before `@vscode-elements/elements`. */
export const COMPONENTS_BASELINE = '1647664';

/**
 * Builds the webviews of `commit` (by default `BASELINE_COMMIT`) as the production build does (esbuild, minified iife for
 * es2022) from `git archive` of its `src` and `media`, into a temporary directory laid out like the
 * extension (dist/webview, dist/codicons, media). Returns that directory. Throws when git or esbuild fails.
 */
export async function buildBaselineWebviews(commit = BASELINE_COMMIT): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'stupid-work-webview-baseline-'));
  const archive = spawnSync('git', ['archive', '--format=tar', commit, 'src', 'media'], { cwd: paths.root, maxBuffer: 256 * 1024 * 1024 });
  if (archive.status !== 0) throw new Error(`git archive ${commit} failed: ${archive.stderr.toString()}`);
  const untar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr.toString()}`);
  await esbuild.build({
    absWorkingDir: dir,
    entryPoints: { log: 'src/webview/log/main.ts', board: 'src/webview/board/main.ts' },
    outdir: join(dir, 'dist', 'webview'),
    bundle: true,
    minify: true,
    legalComments: 'none',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    logLevel: 'warning',
  });
  // The icon font is the same package either way.
  cpSync(join(paths.root, 'dist', 'codicons'), join(dir, 'dist', 'codicons'), { recursive: true });
  return dir;
}

/**
 * What each webview downloads in bytes: its scripts (its own, and the components' shared one where the
 * version has it) and its style sheets (the shared controls plus its own).
 */
export function webviewBytes(root: string): Record<'board js' | 'board css' | 'log js' | 'log css', number> {
  const size = (...parts: string[]) => statSync(join(root, ...parts)).size;
  const controls = existsSync(join(root, 'dist', 'webview', 'controls.js')) ? size('dist', 'webview', 'controls.js') : 0;
  return {
    'board js': controls + size('dist', 'webview', 'board.js'),
    'board css': size('media', 'controls.css') + size('media', 'board.css'),
    'log js': controls + size('dist', 'webview', 'log.js'),
    'log css': size('media', 'controls.css') + size('media', 'log.css'),
  };
}
