// The schema validator of the backlog file, precompiled with Ajv's standalone mode: the extension, the
// merge driver and the command line ship this code instead of Ajv's compiler, and nothing compiles the
// schema at run time. `esbuild.mjs` rewrites the file when the schema or these options change;
// `test/unit/buildWiring.test.ts` fails when the committed file is out of date.
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SCHEMA = `${root}media/stupid-work.schema.json`;
/** Where the generated validator lives, from the project root. */
export const VALIDATOR_FILE = 'src/core/file/backlogValidator.generated.ts';

/** The schema without its words for people, which validation never reads: they would only add bytes. */
function withoutAnnotations(schema) {
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  if (typeof schema !== 'object' || schema === null) return schema;
  // A string under one of these keys is an annotation; a property of the same name holds a schema object.
  const annotation = (key, value) => typeof value === 'string' && ['title', 'description', 'markdownDescription', '$comment'].includes(key);
  return Object.fromEntries(Object.entries(schema).filter(([key, value]) => !annotation(key, value)).map(([key, value]) => [key, withoutAnnotations(value)]));
}

/** The generated module's text: a header, then Ajv's code exporting `validate`. */
export function backlogValidatorSource() {
  const schema = withoutAnnotations(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  // `unicode: false` measures length in UTF-16 units, as the Log form does, instead of walking every
  // character of every answer. Its deprecation notice is all `logger: false` hides: strict mode throws.
  // A second optimisation pass over the generated code makes validation about a tenth faster.
  const ajv = new Ajv({ allErrors: false, strict: true, unicode: false, unicodeRegExp: false, logger: false, code: { optimize: 2, source: true, esm: true } });
  const code = standaloneCode(ajv, ajv.compile(schema));
  return [
    '// Generated from media/stupid-work.schema.json by build/backlogValidator.mjs (Ajv standalone); do not edit.',
    '// @ts-nocheck',
    code,
    '',
  ].join('\n');
}

/** Writes the validator when its text changed, so an unchanged schema leaves the file untouched. */
export function writeBacklogValidator() {
  const file = `${root}${VALIDATOR_FILE}`;
  const source = backlogValidatorSource();
  if (!existsSync(file) || readFileSync(file, 'utf8') !== source) writeFileSync(file, source);
}
