#!/usr/bin/env node
'use strict';
/**
 * What Backstage's catalog:write writes (`yaml.stringify(entity)`, yaml 2.x defaults) for a set of values:
 * the documents of every fourth file of shared/corpus/catalog (as JSON) plus strings and shapes chosen to reach each quoting,
 * block and folding rule. Writes scaffolder/src/test/resources/oracle/yaml-stringify.json as
 * [{input, yaml}], which YamlWriterTest compares with Portolan's writer.
 *
 * Usage: node tools/oracle/yaml-cases.js [--oracle DIR] [--shared DIR]
 */
const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const ORACLE = path.resolve(arg('--oracle', process.env.PORTOLAN_ORACLE_DIR || path.join(REPO, '..', 'tools', 'oracle-node')));
const SHARED = path.resolve(arg('--shared', process.env.PORTOLAN_SHARED_DIR || path.join(REPO, '..', 'shared')));
const YAML = require(path.join(ORACLE, 'node_modules', 'yaml'));

const strings = [
  '', ' ', 'plain', 'yes', 'no', 'on', 'true', 'False', 'NULL', 'null', '~', '0755', '0o17', '0x1F', '12', '-3',
  '+4', '1.5', '.5', '1e3', '1.0E+3', '.inf', '-.Inf', '.nan', '2026-01-01', '12:30', 'a: b', 'a:b', 'a #b', 'a#b',
  '#x', '- x', '-x', '-', '?', '? x', ':x', 'x:', '*x', '&x', '!x', '|x', '>x', '%x', '@x', '`x', '[x]', '{x}',
  'x,y', "'q'", '"q"', 'it\'s "both"', 'trailing ', ' leading', 'tab\tin', 'a\nb', 'a\nb\n', 'a\nb\n\n', '\na',
  '  indented\nlines', 'x\n  y', 'line \nbreak', 'end\n ', '---', '--- x', '...', 'a\n---\nb', 'ctrl\u0001char',
  'bell\u0007', 'esc\u001b', 'nbsp\u00a0here', 'del\u007f', 'unicode héllo ✓ 日本', 'emoji 😀',
  'word '.repeat(30).trim(), 'x'.repeat(100), `${'y'.repeat(90)} tail`, `short ${'z'.repeat(85)}`,
  `${'long line '.repeat(12)}\nsecond line`, `"${'quoted words '.repeat(8)}"`, `${'a\\b '.repeat(30)}`,
  `${'para '.repeat(20)}\n\n${'graph '.repeat(20)}\n`, `  ${'lead '.repeat(20)}`, 'https://example.com/a?b=c#d',
  'C:\\path\\x', 'key: value: more', 'a\r\nb', 'a\tb\nc', '\t', 'x\n', '\n', '\n\n', 'a\u2028b', ' \nx',
  'ends with colon:', 'has ": " inside', '${{ values.name }}', '{{ cookiecutter.x }}', '{% raw %}', 'a - b',
];
const cases = [];
for (const s of strings) {
  cases.push({ value: s });
  cases.push({ key: { nested: s }, list: [s, [s]], [s || 'empty']: 1 });
}
cases.push({ numbers: [0, -0, 1, -1, 1.5, 1e21, 1e-7, 123456789012, 0.1 + 0.2, 2 ** 53] });
cases.push({ shapes: { emptyList: [], emptyMap: {}, nul: null, t: true, f: false, listOfMaps: [{ a: 1, b: [] }, {}],
  listOfLists: [[1, [2, []]], []], deep: { a: { b: { c: { d: 'x'.repeat(70) } } } } } });
cases.push([1, 'two', { three: 3 }]);
cases.push({});
cases.push([]);

const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
  const p = path.join(d, e.name);
  return e.isDirectory() ? walk(p) : /\.ya?ml$/.test(e.name) ? [p] : [];
});
// every fourth catalog file keeps the fixture small while covering the corpus's shapes
for (const f of walk(path.join(SHARED, 'corpus', 'catalog')).sort().filter((_, i) => i % 4 === 0)) {
  let docs;
  try {
    docs = YAML.parseAllDocuments(fs.readFileSync(f, 'utf8'), { merge: false });
  } catch (e) {
    continue;
  }
  for (const d of docs) {
    if (d.errors.length) continue;
    const v = d.toJSON();
    if (v && typeof v === 'object') cases.push(JSON.parse(JSON.stringify(v)));
  }
}
// values reach catalog:write as JSON (the rendered step input), so -0 is already 0 there
const out = cases.map((c) => JSON.parse(JSON.stringify(c))).map((input) => ({ input, yaml: YAML.stringify(input) }));
const file = path.join(REPO, 'scaffolder', 'src', 'test', 'resources', 'oracle', 'yaml-stringify.json');
fs.writeFileSync(file, `${JSON.stringify(out)}\n`);
process.stdout.write(`${out.length} cases, ${fs.statSync(file).size} bytes\n`);
