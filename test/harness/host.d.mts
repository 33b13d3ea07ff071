// Types for host.mjs, so TypeScript tests can import it.
import type { Browser } from 'playwright-core';

export declare const paths: {
  root: string;
  cacheDir: string;
  hostCacheDir: string;
  runsDir: string;
  node24Bin: string;
  codeServerBin: string;
  chromium: string;
};

export declare const EXTENSION_ID: string;

export interface CodeServer {
  pid: number;
  port: number;
  url: string;
  runDir: string;
  logFile: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  workspace: string;
  runDir?: string;
  userDataDir?: string;
  extensionsDir?: string;
  port?: number;
  settings?: Record<string, unknown>;
}

export type Payload = [string, string][];

export declare function newRunDir(label?: string): string;
export declare function freePort(): Promise<number>;
export declare function startCodeServer(options: StartOptions): Promise<CodeServer>;
export declare function launchBrowser(): Promise<Browser>;
export declare function remoteUri(port: number, absolutePath: string): string;
export declare function developmentPayload(port: number, extensionPaths?: string[]): Payload;
export declare function workbenchUrl(port: number, folderOrWorkspaceFile: string, payload?: Payload): string;

export interface ExtensionTestOptions {
  port: number;
  workspace: string;
  testsModule: string;
  env?: Record<string, string>;
  timeoutMs?: number;
  logDir?: string;
  extensionDevelopmentPaths?: string[];
  quiet?: boolean;
}

export declare function runExtensionTests(options: ExtensionTestOptions): Promise<number>;
