// The extension host runs every extension in one process, so an uncaught error from another extension
// (VS Code's own git extension, say) reaches the same `uncaughtException` event as ours. Mocha would
// blame whichever test happens to be running; this routes only our own errors to mocha.
import * as path from 'node:path';
import type Mocha from 'mocha';

/** Where an uncaught error came from, read off its stack. */
export type UncaughtSource = { kind: 'ours' } | { kind: 'foreign'; location: string } | { kind: 'unknown' };

/** A stack frame's file: `at fn (/a/b.js:1:2)`, `at /a/b.js:1:2`, or `at async fn (file:///a/b.js:1:2)`. */
const FRAME = /^\s*at (?:.*?\()?((?:file:\/\/)?\/[^():]+?):\d+:\d+\)?\s*$/;

function framePaths(stack: string): string[] {
  const paths: string[] = [];
  for (const line of stack.split('\n')) {
    const match = FRAME.exec(line);
    if (match) paths.push(match[1].replace(/^file:\/\//, ''));
  }
  return paths;
}

/**
 * Classifies an uncaught error by the files on its stack. `ourRoots` are folder paths ending in `/`
 * whose code is ours (the extension's bundles, its tests and the packages they load). Any frame there
 * makes the error ours. An error whose frames are all elsewhere is foreign, and `location` is its
 * first frame's file. Without file frames (node internals only, or a thrown non-Error) the origin is
 * unknown, and the caller must treat it as ours rather than hide it.
 */
export function classifyUncaught(error: unknown, ourRoots: readonly string[]): UncaughtSource {
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : '';
  const paths = framePaths(stack);
  if (paths.some((p) => ourRoots.some((root) => p.startsWith(root)))) return { kind: 'ours' };
  return paths.length > 0 ? { kind: 'foreign', location: paths[0] } : { kind: 'unknown' };
}

/** The extension's bundles, its sources and tests, and the packages they load; not .cache/, where code-server lives. */
export function ourRoots(root: string): string[] {
  return ['dist', 'src', 'test', 'node_modules'].map((dir) => `${path.join(root, dir)}${path.sep}`);
}

export interface UncaughtRoute {
  /** Foreign errors seen so far, in order, each with where it came from. */
  readonly foreign: { error: unknown; location: string }[];
  /** Stops routing (the runner's own listener stays removed), for example while a nested runner runs. */
  pause(): void;
  resume(): void;
}

let active: UncaughtRoute | undefined;

/** The route of the run in progress, so a suite can pause it while it runs a nested runner. */
export function activeRoute(): UncaughtRoute | undefined {
  return active;
}

export function setActiveRoute(route: UncaughtRoute | undefined): void {
  active = route;
}

type Listener = (...args: unknown[]) => void;

/**
 * Adds an `uncaughtException` listener and returns what removes it. The extension host wraps each
 * listener in a function of its own as it is added, so `removeListener(listener)` would find nothing:
 * the wrapper is found by comparing the listeners before and after.
 */
function addUncaughtListener(listener: (error: unknown) => void): () => void {
  const before = new Set(process.listeners('uncaughtException'));
  process.on('uncaughtException', listener);
  const added = process.listeners('uncaughtException').filter((l) => !before.has(l));
  return () => {
    for (const l of added) process.removeListener('uncaughtException', l as Listener);
  };
}

/**
 * Starts a mocha run with `start` and takes over the `uncaughtException` listener mocha adds
 * synchronously in `run()`: our errors, and errors of unknown origin, still fail the running test;
 * foreign ones go to `log` with their location and do not.
 */
export function routeUncaught(start: () => Mocha.Runner, ourRoots: readonly string[], log: (message: string) => void): UncaughtRoute {
  const before = new Set(process.listeners('uncaughtException'));
  const runner = start();
  const mochaListeners = process.listeners('uncaughtException').filter((l) => !before.has(l));
  for (const l of mochaListeners) process.removeListener('uncaughtException', l as Listener);
  const toMocha = (error: unknown) => {
    for (const l of mochaListeners) (l as Listener)(error);
  };
  const foreign: { error: unknown; location: string }[] = [];
  const listener = (error: unknown) => {
    const source = classifyUncaught(error, ourRoots);
    if (source.kind === 'foreign') {
      foreign.push({ error, location: source.location });
      log(`uncaught error from outside this extension, not counted against the running test: ${String(error)} (at ${source.location})`);
      return;
    }
    toMocha(error);
  };
  let remove: (() => void) | undefined = addUncaughtListener(listener);
  const pause = () => {
    remove?.();
    remove = undefined;
  };
  runner.once('end', pause);
  return {
    foreign,
    pause,
    resume: () => {
      remove ??= addUncaughtListener(listener);
    },
  };
}
