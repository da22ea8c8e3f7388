#!/usr/bin/env node
'use strict';
/**
 * Writes single-mutation variants of valid corpus documents.
 *
 * Usage:
 *   node tools/oracle/mutate.js --oracle DIR --corpus DIR --out DIR [--count 500] [--seed 20261124]
 *
 * The sources are the documents of the corpus that the oracle finds valid under the app profile
 * (validate.js --engine model --profile app). Each variant is one source document with exactly one
 * mutation applied, written to <out>/<nnnn>-<mutation>.yaml with a comment naming the source and the
 * mutation. Mutations are taken round-robin from the list below; the source for each is drawn from a
 * seeded generator among the sources the mutation applies to, so the output is byte-identical for a
 * given seed, corpus and oracle. The yaml package of the oracle renders the documents.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

function parseArgs(argv) {
  const opts = { count: 500, seed: 20261124 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--oracle') opts.oracle = path.resolve(argv[++i]);
    else if (a === '--corpus') opts.corpus = path.resolve(argv[++i]);
    else if (a === '--out') opts.out = path.resolve(argv[++i]);
    else if (a === '--count') opts.count = Number(argv[++i]);
    else if (a === '--seed') opts.seed = Number(argv[++i]);
    else throw new Error(`unknown argument ${a}`);
  }
  if (!opts.oracle || !opts.corpus || !opts.out) throw new Error('--oracle, --corpus and --out are required');
  return opts;
}

/** mulberry32: a small seeded generator, enough for picking cases. */
function rng(seed) {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r ^= r + Math.imul(r ^ (r >>> 7), 61 | r);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const REQUIRED = {
  Component: ['type', 'lifecycle', 'owner'],
  API: ['type', 'lifecycle', 'owner', 'definition'],
  Resource: ['type', 'owner'],
  System: ['owner'],
  Domain: ['owner'],
  Group: ['type', 'children'],
  User: ['memberOf'],
  Template: ['type', 'steps'],
  AiResource: ['type', 'lifecycle', 'owner'],
};
const REF_ARRAYS = ['providesApis', 'consumesApis', 'dependsOn', 'children', 'members', 'memberOf'];
const REF_STRINGS = ['owner', 'system', 'domain', 'subcomponentOf', 'subdomainOf', 'parent'];

const spec = e => (e.spec && typeof e.spec === 'object' && !Array.isArray(e.spec) ? e.spec : null);
const hasSpecField = f => e => spec(e) && f in spec(e);
const firstArray = e => REF_ARRAYS.find(f => spec(e) && Array.isArray(spec(e)[f]) && spec(e)[f].length);
const firstRefString = e => REF_STRINGS.find(f => spec(e) && typeof spec(e)[f] === 'string');
const isKind = (...kinds) => e => kinds.includes(e.kind);
const always = () => true;

/**
 * Each mutation: id, what it does (goes into the comment), applies(entity), apply(entity, r) mutating
 * the parsed entity in place, or text(yamlText, r) rewriting the rendered YAML.
 */
const MUTATIONS = [
  { id: 'drop-required-spec-field', what: 'drops a required spec field of the kind', applies: e => REQUIRED[e.kind] && spec(e) && REQUIRED[e.kind].some(f => f in spec(e)),
    apply: (e, r) => { const fs_ = REQUIRED[e.kind].filter(f => f in e.spec); delete e.spec[fs_[Math.floor(r() * fs_.length)]]; } },
  { id: 'drop-spec', what: 'drops spec', applies: e => 'spec' in e, apply: e => { delete e.spec; } },
  { id: 'drop-name', what: 'drops metadata.name', applies: always, apply: e => { delete e.metadata.name; } },
  { id: 'drop-kind', what: 'drops kind', applies: always, apply: e => { delete e.kind; } },
  { id: 'name-invalid-char', what: 'inserts a character that names do not allow into metadata.name', applies: always,
    apply: (e, r) => { const cs = [' ', '@', '/', ':', '!', 'é', '#', '+', '*', '~']; const n = e.metadata.name; const i = 1 + Math.floor(r() * Math.max(1, n.length - 1)); e.metadata.name = n.slice(0, i) + cs[Math.floor(r() * cs.length)] + n.slice(i); } },
  { id: 'name-leading-separator', what: 'prefixes metadata.name with a separator', applies: always, apply: (e, r) => { e.metadata.name = '-_.'[Math.floor(r() * 3)] + e.metadata.name; } },
  { id: 'name-trailing-separator', what: 'suffixes metadata.name with a separator', applies: always, apply: (e, r) => { e.metadata.name += '-_.'[Math.floor(r() * 3)]; } },
  { id: 'name-separator-run', what: 'puts a run of separators inside metadata.name (allowed)', applies: e => e.metadata.name.length >= 2,
    apply: e => { const n = e.metadata.name; e.metadata.name = `${n.slice(0, 1)}-._${n.slice(1)}`.slice(0, 63); } },
  { id: 'name-64-chars', what: 'pads metadata.name to 64 characters (one over the limit)', applies: always, apply: e => { e.metadata.name = (e.metadata.name + 'x'.repeat(64)).slice(0, 63) + 'z'; } },
  { id: 'name-63-chars', what: 'pads metadata.name to exactly 63 characters (the limit)', applies: always, apply: e => { e.metadata.name = (e.metadata.name + 'x'.repeat(63)).slice(0, 62) + 'z'; } },
  { id: 'name-number', what: 'makes metadata.name a number', applies: always, apply: (e, r) => { e.metadata.name = Math.floor(r() * 100000); } },
  { id: 'namespace-uppercase', what: 'sets metadata.namespace to an upper-case value', applies: always, apply: e => { e.metadata.namespace = (e.metadata.namespace || 'default').toUpperCase(); } },
  { id: 'namespace-empty', what: 'sets metadata.namespace to ""', applies: always, apply: e => { e.metadata.namespace = ''; } },
  { id: 'namespace-underscore', what: 'sets metadata.namespace to a value with _', applies: always, apply: e => { e.metadata.namespace = 'team_ns'; } },
  { id: 'namespace-moved', what: 'moves the entity to namespace moved-ns (valid; relative refs follow)', applies: e => !e.metadata.namespace || e.metadata.namespace === 'default', apply: e => { e.metadata.namespace = 'moved-ns'; } },
  { id: 'label-value-64-chars', what: 'adds a label whose value has 64 characters', applies: always, apply: e => { e.metadata.labels = { ...(e.metadata.labels || {}), tier: 'v'.repeat(64) }; } },
  { id: 'label-value-63-chars', what: 'adds a label whose value has 63 characters (valid)', applies: always, apply: e => { e.metadata.labels = { ...(e.metadata.labels || {}), tier: 'v'.repeat(63) }; } },
  { id: 'label-value-number', what: 'adds a label whose value is a number', applies: always, apply: e => { e.metadata.labels = { ...(e.metadata.labels || {}), version: 2 }; } },
  { id: 'label-key-invalid', what: 'adds a label whose key has an upper-case prefix', applies: always, apply: e => { e.metadata.labels = { ...(e.metadata.labels || {}), 'Example.com/tier': 'x' }; } },
  { id: 'labels-null', what: 'sets metadata.labels to null', applies: always, apply: e => { e.metadata.labels = null; } },
  { id: 'annotation-value-bool', what: 'adds an annotation whose value is a boolean', applies: always, apply: e => { e.metadata.annotations = { ...(e.metadata.annotations || {}), 'example.com/flag': true }; } },
  { id: 'annotations-null', what: 'sets metadata.annotations to null (accepted as {})', applies: always, apply: e => { e.metadata.annotations = null; } },
  { id: 'annotations-list', what: 'sets metadata.annotations to []', applies: always, apply: e => { e.metadata.annotations = []; } },
  { id: 'annotation-key-two-slashes', what: 'adds an annotation whose key has two slashes', applies: always, apply: e => { e.metadata.annotations = { ...(e.metadata.annotations || {}), 'example.com/a/b': 'x' }; } },
  { id: 'tag-uppercase', what: 'adds an upper-case tag', applies: always, apply: e => { e.metadata.tags = [...(Array.isArray(e.metadata.tags) ? e.metadata.tags : []), 'Java']; } },
  { id: 'tag-double-hyphen', what: 'adds a tag with a hyphen run', applies: always, apply: e => { e.metadata.tags = [...(Array.isArray(e.metadata.tags) ? e.metadata.tags : []), 'a--b']; } },
  { id: 'tag-colon', what: 'adds a tag with a colon (valid)', applies: always, apply: e => { e.metadata.tags = [...(Array.isArray(e.metadata.tags) ? e.metadata.tags : []), 'lang:go']; } },
  { id: 'tag-number', what: 'adds a number tag', applies: always, apply: e => { e.metadata.tags = [...(Array.isArray(e.metadata.tags) ? e.metadata.tags : []), 42]; } },
  { id: 'tags-string', what: 'replaces metadata.tags with a single string', applies: always, apply: e => { e.metadata.tags = 'java'; } },
  { id: 'link-no-scheme', what: 'adds a link whose url has no scheme', applies: always, apply: e => { e.metadata.links = [...(Array.isArray(e.metadata.links) ? e.metadata.links : []), { url: 'example.com/docs' }]; } },
  { id: 'link-blank-title', what: 'adds a link whose title is blank', applies: always, apply: e => { e.metadata.links = [...(Array.isArray(e.metadata.links) ? e.metadata.links : []), { url: 'https://example.com', title: '  ' }]; } },
  { id: 'link-odd-scheme', what: 'adds a link whose url is foo:bar (valid)', applies: always, apply: e => { e.metadata.links = [...(Array.isArray(e.metadata.links) ? e.metadata.links : []), { url: 'foo:bar' }]; } },
  { id: 'title-empty', what: 'sets metadata.title to ""', applies: always, apply: e => { e.metadata.title = ''; } },
  { id: 'title-blank', what: 'sets metadata.title to spaces (valid)', applies: always, apply: e => { e.metadata.title = '   '; } },
  { id: 'description-number', what: 'sets metadata.description to a number', applies: always, apply: e => { e.metadata.description = 3.5; } },
  { id: 'spec-type-number', what: 'makes spec.type a number', applies: hasSpecField('type'), apply: e => { e.spec.type = 1; } },
  { id: 'ref-string-to-number', what: 'makes a ref-bearing string spec field a number', applies: e => !!firstRefString(e), apply: e => { e.spec[firstRefString(e)] = 7; } },
  { id: 'ref-string-to-list', what: 'wraps a ref-bearing string spec field in a list', applies: e => !!firstRefString(e), apply: e => { const f = firstRefString(e); e.spec[f] = [e.spec[f]]; } },
  { id: 'ref-array-to-string', what: 'replaces a ref list spec field with its first item', applies: e => !!firstArray(e), apply: e => { const f = firstArray(e); e.spec[f] = e.spec[f][0]; } },
  { id: 'ref-empty-name', what: 'sets a ref-bearing string spec field to "group:" (no name)', applies: e => !!firstRefString(e), apply: e => { e.spec[firstRefString(e)] = 'group:'; } },
  { id: 'ref-empty-kind', what: 'sets a ref-bearing string spec field to ":x" (empty kind)', applies: e => !!firstRefString(e), apply: e => { e.spec[firstRefString(e)] = ':x'; } },
  { id: 'ref-array-bad-item', what: 'appends ":x" to a ref list spec field', applies: e => !!firstArray(e), apply: e => { const f = firstArray(e); e.spec[f] = [...e.spec[f], ':x']; } },
  { id: 'ref-uppercase', what: 'upper-cases a ref-bearing string spec field (valid; stored lower-cased)', applies: e => !!firstRefString(e), apply: e => { const f = firstRefString(e); e.spec[f] = e.spec[f].toUpperCase(); } },
  { id: 'owner-foreign-kind', what: 'points spec.owner at a Component', applies: hasSpecField('owner'), apply: e => { e.spec.owner = 'component:some-component'; } },
  { id: 'owner-user', what: 'points spec.owner at a User (valid)', applies: hasSpecField('owner'), apply: e => { e.spec.owner = 'user:default/jdoe'; } },
  { id: 'depends-on-bare-name', what: 'adds a dependsOn entry without a kind', applies: isKind('Component', 'Resource'), apply: e => { e.spec.dependsOn = [...(Array.isArray(e.spec.dependsOn) ? e.spec.dependsOn : []), 'some-db']; } },
  { id: 'depends-on-qualified', what: 'adds a kind-qualified dependsOn entry (valid)', applies: isKind('Component', 'Resource'), apply: e => { e.spec.dependsOn = [...(Array.isArray(e.spec.dependsOn) ? e.spec.dependsOn : []), 'resource:some-db']; } },
  { id: 'dependency-of-object', what: 'adds a {kind, name} object to dependencyOf', applies: isKind('Component', 'Resource'), apply: e => { e.spec.dependencyOf = [{ kind: 'component', name: 'consumer' }]; } },
  { id: 'dependency-of-number', what: 'adds a number to dependencyOf', applies: isKind('Component', 'Resource'), apply: e => { e.spec.dependencyOf = [5]; } },
  { id: 'kind-lowercase', what: 'lower-cases kind', applies: always, apply: e => { e.kind = e.kind.toLowerCase(); } },
  { id: 'kind-unknown', what: 'changes kind to an unknown kind', applies: always, apply: e => { e.kind = 'Widget'; } },
  { id: 'api-version-v1', what: 'changes apiVersion to backstage.io/v1', applies: e => e.apiVersion.startsWith('backstage.io/'), apply: e => { e.apiVersion = 'backstage.io/v1'; } },
  { id: 'api-version-v1beta1', what: 'changes apiVersion to backstage.io/v1beta1', applies: e => e.apiVersion === 'backstage.io/v1alpha1', apply: e => { e.apiVersion = 'backstage.io/v1beta1'; } },
  { id: 'api-version-uppercase', what: 'upper-cases the apiVersion prefix', applies: always, apply: e => { e.apiVersion = e.apiVersion.replace(/^[^/]+/, p => p.toUpperCase()); } },
  { id: 'root-unknown-field', what: 'adds an unknown root field', applies: always, apply: e => { e.extra = { a: 1 }; } },
  { id: 'root-status', what: 'adds a root status field', applies: always, apply: e => { e.status = { items: [] }; } },
  { id: 'root-relations', what: 'adds a root relations field', applies: always, apply: e => { e.relations = [{ type: 'ownedBy', targetRef: 'group:default/x' }]; } },
  { id: 'group-drop-children', what: 'drops Group spec.children', applies: e => e.kind === 'Group' && spec(e) && 'children' in e.spec, apply: e => { delete e.spec.children; } },
  { id: 'user-drop-member-of', what: 'drops User spec.memberOf', applies: e => e.kind === 'User' && spec(e) && 'memberOf' in e.spec, apply: e => { delete e.spec.memberOf; } },
  { id: 'location-trailing-slash', what: 'makes a Location target end with /', applies: e => e.kind === 'Location' && spec(e) && (typeof e.spec.target === 'string' || Array.isArray(e.spec.targets)),
    apply: e => { if (typeof e.spec.target === 'string') e.spec.target = e.spec.target.replace(/\/?$/, '/'); else e.spec.targets = [...e.spec.targets, './more/']; } },
  { id: 'location-type-github', what: 'sets a Location type to github', applies: isKind('Location'), apply: e => { e.spec = { ...(spec(e) || {}), type: 'github' }; } },
  { id: 'template-drop-steps', what: 'drops Template spec.steps', applies: e => e.kind === 'Template' && spec(e) && 'steps' in e.spec, apply: e => { delete e.spec.steps; } },
  { id: 'yaml-name-octal', what: 'writes metadata.name as the plain scalar 0755 (a YAML 1.2 number)', applies: always, apply: e => { e.metadata.name = '__OCTAL__'; }, text: t => t.replace(/"?__OCTAL__"?/, '0755') },
  { id: 'yaml-duplicate-key', what: 'repeats metadata.name as a duplicate mapping key', applies: always, text: t => t.replace(/^( {2})name: (.*)$/m, '$1name: $2\n$1name: $2') },
  { id: 'yaml-1-1-directive', what: 'adds a %YAML 1.1 directive and sets a label value yes (a boolean in 1.1)', applies: always,
    apply: e => { e.metadata.labels = { ...(e.metadata.labels || {}), enabled: 'yes' }; }, text: t => `%YAML 1.1\n---\n${t.replace(/enabled: "?yes"?/, 'enabled: yes')}` },
  { id: 'yaml-tab-indent', what: 'indents metadata.name with a tab', applies: always, text: t => t.replace(/^ {2}name: /m, '\tname: ') },
];

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const YAML = require(path.join(opts.oracle, 'node_modules', 'yaml'));
  const out = execFileSync(process.execPath, [path.join(opts.oracle, 'validate.js'), '--engine', 'model', '--profile', 'app', '--no-relations', '.'],
    { cwd: opts.corpus, encoding: 'utf8', maxBuffer: 1 << 30 });
  const validDocs = out.split('\n').filter(Boolean).map(l => JSON.parse(l)).filter(l => l.valid === true);
  const docsByFile = new Map();
  const sources = [];
  for (const v of validDocs) {
    if (!docsByFile.has(v.file)) {
      const text = fs.readFileSync(path.join(opts.corpus, v.file), 'utf8');
      docsByFile.set(v.file, YAML.parseAllDocuments(text, { merge: false }).map(d => d.toJS()));
    }
    const entity = docsByFile.get(v.file)[v.docIndex];
    if (entity && typeof entity === 'object' && typeof entity.metadata?.name === 'string') sources.push({ file: v.file, docIndex: v.docIndex, entity });
  }
  const r = rng(opts.seed);
  fs.rmSync(opts.out, { recursive: true, force: true });
  fs.mkdirSync(opts.out, { recursive: true });
  const used = new Set();
  let written = 0;
  for (let i = 0; written < opts.count && i < opts.count * 20; i++) {
    const m = MUTATIONS[i % MUTATIONS.length];
    const candidates = sources.filter(s => m.applies(s.entity));
    if (!candidates.length) continue;
    let src;
    for (let tries = 0; tries < 10; tries++) {
      src = candidates[Math.floor(r() * candidates.length)];
      if (!used.has(`${m.id}|${src.file}#${src.docIndex}`)) break;
    }
    const key = `${m.id}|${src.file}#${src.docIndex}`;
    if (used.has(key)) continue;
    used.add(key);
    const entity = structuredClone(src.entity);
    if (m.apply) m.apply(entity, r);
    let text = YAML.stringify(entity, { lineWidth: 0 });
    if (m.text) text = m.text(text, r);
    written++;
    const name = `${String(written).padStart(4, '0')}-${m.id}.yaml`;
    const header = `# variant ${written}: ${m.what}\n# source: shared/corpus/catalog/${src.file} document ${src.docIndex}\n`;
    fs.writeFileSync(path.join(opts.out, name), header + text);
  }
  process.stdout.write(`${JSON.stringify({ sources: sources.length, mutations: MUTATIONS.length, variants: written, seed: opts.seed })}\n`);
}

main();
