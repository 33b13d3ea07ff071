// Types for backlogValidator.mjs, so TypeScript tests can import it.
/** Where the generated validator lives, from the project root. */
export declare const VALIDATOR_FILE: string;
/** The generated module's text, as `esbuild.mjs` writes it. */
export declare function backlogValidatorSource(): string;
/** Writes the validator when its text changed. */
export declare function writeBacklogValidator(): void;
