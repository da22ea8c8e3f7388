#!/usr/bin/env node
'use strict';
/**
 * Expected scaffolder results for the corpus templates, computed the way Backstage's classic renderer computed them
 * (a reconstruction on nunjucks 3.2.4). The committed expected files now come from Backstage's own code:
 * scaffolder-backend/oracle.js, which reuses this file's template loading, parameter files and main loop.
 * This file remains the source of bench-nunjucks.js's renderer and of --bench-manifest.
 *
 * Usage:
 *   node tools/oracle/scaffold-oracle.js [--oracle DIR] [--shared DIR] [--init-params] [--only SUBSTRING]
 *
 * --oracle       a copy of shared/oracle/node on which `npm ci` has been run (default: $PORTOLAN_ORACLE_DIR,
 *                else <repo>/../tools/oracle-node); nunjucks 3.2.4, yaml, lodash, minimatch and
 *                @backstage/catalog-model are taken from its node_modules
 * --shared       the shared folder holding corpus/templates (default: $PORTOLAN_SHARED_DIR, else <repo>/../shared)
 * --init-params  (re)writes the parameter files from the templates' schemas before running: every schema
 *                default, the first enum value, and a realistic value for each picker or plain field
 * --only         only templates whose corpus path contains the substring
 * --bench-manifest FILE
 *                also writes, for the first parameter set of every run that succeeds, each fetch:template step
 *                (skeleton folder, values, options, the entries whose path and contents are rendered) and each
 *                step's input strings with their context: the inputs of ScaffolderBenchmark and bench-nunjucks.js
 *
 * Reads  scaffolder/src/test/resources/oracle/params/<name>[@alt].json   ({parameters, user, secrets})
 * Writes <tmpdir>/portolan-classic-oracle/expected/<name>[@alt].json ({template, steps, error, files, output});
 * scaffolder-backend/oracle.js writes the same format into scaffolder/src/test/resources/oracle/expected
 * where <name> is the template's folder under corpus/templates with "/" replaced by "__". The "@alt" set
 * (written when it differs from the first) turns every boolean the other way, takes the last enum value and
 * puts one element into each list, so conditional files, steps and outputs are compared both ways.
 *
 * What is reproduced (scaffolder-backend with the classic SecureTemplater renderer, i.e. nunjucks 3.2.4):
 * - template.yaml parsed with the `yaml` package (YAML 1.2), `$yaml`/`$json`/`$text` placeholders resolved
 *   relative to the file that holds them, default step ids `step-<n>`;
 * - values rendered as NunjucksWorkflowRunner renders them: JSON walk over string leaves, a lone `${{ }}`
 *   wrapped in `( ... ) | dump` and parsed back, "" dropping the key, an error keeping the string;
 *   environment `autoescape: false`, `${{`/`}}`, filters parseRepoUrl, projectSlug, parseEntityRef, pick;
 * - step `if` (boolean or rendered, Backstage truthiness), `each`, outputs of steps that ran; after a failed
 *   step the later steps are skipped;
 * - fetch:template / workspace:template: every entry (dot files, directories marked "/"), copy-only globs
 *   with directory expansion, cookiecutterCompat (`{{ }}`, `cookiecutter`, jinja compat, `jsonify`),
 *   templateFileExtension, trimBlocks/lstripBlocks, rendered paths, skipped empty segments, replace;
 *   fetch:template:file, fetch:plain, fetch:plain:file, fs:delete, fs:rename, catalog:write (yaml.stringify),
 *   debug:log, fs:readdir;
 * - relative `url:` resolved against the template's folder and allowed anywhere under corpus/templates (as
 *   for a template registered by URL); remote URLs are not fetched (the step fails);
 * - any other action is not run and gives no output (what a local run with the action skipped gives);
 * - spec.output rendered last, `if` of links/text items applied.
 * Besides the corpus, the templates under scaffolder/src/test/resources/oracle/synthetic are run (named
 * "synthetic__<folder>"): they reach what no corpus run does.
 * Only regular files are reported (path, sha256, size, executable bit, and the text when small).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');

const REPO = path.resolve(__dirname, '..', '..');
const RES = path.join(REPO, 'scaffolder', 'src', 'test', 'resources', 'oracle');
/** Small templates for what the corpus runs do not reach (cookiecutterCompat, trimBlocks, copy globs, fs actions). */
const SYNTHETIC = path.join(RES, 'synthetic');

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const ORACLE = path.resolve(arg('--oracle', process.env.PORTOLAN_ORACLE_DIR || path.join(REPO, '..', 'tools', 'oracle-node')));
const SHARED = path.resolve(arg('--shared', process.env.PORTOLAN_SHARED_DIR || path.join(REPO, '..', 'shared')));
const CORPUS = path.join(SHARED, 'corpus', 'templates');
const ONLY = arg('--only', '');
const INIT = process.argv.includes('--init-params');
const MANIFEST = arg('--bench-manifest', '') && path.resolve(arg('--bench-manifest', ''));

const need = (m) => require(path.join(ORACLE, 'node_modules', m));
const nunjucks = need('nunjucks');
const YAML = need('yaml');
const lodashGet = need('lodash').get;
const { minimatch } = need('minimatch');
const { parseEntityRef } = need('@backstage/catalog-model');

const INTEGRATIONS = { 'github.com': 'github', 'gitlab.com': 'gitlab', 'bitbucket.org': 'bitbucketCloud', 'dev.azure.com': 'azure' };
const SMALL = 4096;
/** What --bench-manifest records: the skeleton renders and step values of successful runs. */
const BENCH = { recording: false, skeletons: [], values: [] };

// ------------------------------------------------------------------ Backstage's filters

function parseRepoUrl(repoUrl) {
  let parsed;
  try {
    parsed = new URL(`https://${repoUrl}`);
  } catch (e) {
    throw new Error(`Invalid repo URL passed to publisher, got ${repoUrl}, ${e}`);
  }
  const q = (k) => parsed.searchParams.get(k) ?? undefined;
  const host = parsed.host;
  const type = INTEGRATIONS[host];
  if (!type) {
    throw new Error(`No matching integration configuration for host ${host}, please check your integrations config`);
  }
  const required = (...keys) => keys.forEach((k) => {
    if (!parsed.searchParams.get(k)) {
      throw new Error(`Invalid repo URL passed to publisher: ${parsed.toString()}, missing ${k}`);
    }
  });
  if (type === 'bitbucket' || type === 'bitbucketCloud' || type === 'bitbucketServer') {
    if (host === 'bitbucket.org') required('workspace');
    required('project', 'repo');
  } else if (type === 'gitlab') {
    if (!q('project')) required('owner', 'repo');
  } else if (type === 'gitea' || type === 'gerrit') {
    required('repo');
  } else {
    required('repo', 'owner');
  }
  return { host, owner: q('owner'), repo: q('repo'), organization: q('organization'), workspace: q('workspace'), project: q('project') };
}

// Filters cross the isolate boundary as JSON in SecureTemplater: arguments and results are JSON copies.
const jsonCopy = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
const FILTERS = {
  parseRepoUrl: (url) => parseRepoUrl(url),
  projectSlug: (url) => { const { owner, repo } = parseRepoUrl(url); return `${owner}/${repo}`; },
  parseEntityRef: (ref, ctx) => parseEntityRef(ref, ctx),
  pick: (obj, key) => lodashGet(obj, key),
};

// ------------------------------------------------------------------ environments as SecureTemplater builds them

function makeRenderer({ cookiecutterCompat = false, trimBlocks, lstripBlocks } = {}) {
  const opts = { autoescape: false };
  if (trimBlocks !== undefined) opts.trimBlocks = trimBlocks;
  if (lstripBlocks !== undefined) opts.lstripBlocks = lstripBlocks;
  if (cookiecutterCompat) {
    const env = new nunjucks.Environment(null, { ...opts, tags: { variableStart: '{{', variableEnd: '}}' } });
    env.addFilter('jsonify', env.getFilter('dump'));
    return (str, ctx) => {
      const uninstall = nunjucks.installJinjaCompat();
      try {
        return env.renderString(String(str), jsonCopy(ctx));
      } finally {
        uninstall();
      }
    };
  }
  const env = new nunjucks.Environment(null, { ...opts, tags: { variableStart: '${{', variableEnd: '}}' } });
  for (const [name, f] of Object.entries(FILTERS)) {
    env.addFilter(name, (...args) => {
      const r = f(...args.map(jsonCopy));
      return r === undefined ? undefined : jsonCopy(r);
    });
  }
  const renderer = (str, ctx) => env.renderString(String(str), jsonCopy(ctx));
  // the same environment with a template compiled once (bench-nunjucks.js)
  renderer.compile = (src) => {
    const t = nunjucks.compile(String(src), env);
    return { render: (ctx) => t.render(jsonCopy(ctx)) };
  };
  return renderer;
}

const valueRenderer = makeRenderer();

function isSingleTemplateString(input) {
  const parsed = nunjucks.parser.parse(input, {}, { autoescape: false, tags: { variableStart: '${{', variableEnd: '}}' } });
  return parsed.children.length === 1 && !(parsed.children[0]?.children?.[0] instanceof nunjucks.nodes.TemplateData);
}

/** NunjucksWorkflowRunner.render (classic). */
function renderValue(input, context) {
  if (input === undefined) return undefined;
  return JSON.parse(JSON.stringify(input), (_key, value) => {
    try {
      if (typeof value === 'string') {
        try {
          if (isSingleTemplateString(value)) {
            const wrapped = value.replace(/\${{(.+)}}/g, '${{ ( $1 ) | dump }}');
            const templated = valueRenderer(wrapped, context);
            if (templated === '') return undefined;
            return JSON.parse(templated);
          }
        } catch (e) {
          // falls back to plain rendering, as the runner does
        }
        const templated = valueRenderer(value, context);
        if (templated === '') return undefined;
        return templated;
      }
    } catch (e) {
      return value;
    }
    return value;
  });
}

const isTruthy = (v) => (Array.isArray(v) ? v.length > 0 : !!v);

// ------------------------------------------------------------------ template loading

function resolvePlaceholders(node, file) {
  if (Array.isArray(node)) return node.map((n) => resolvePlaceholders(n, file));
  if (node && typeof node === 'object') {
    const keys = Object.keys(node);
    if (keys.length === 1 && ['$yaml', '$json', '$text'].includes(keys[0])) {
      const target = path.resolve(path.dirname(file), node[keys[0]]);
      const text = fs.readFileSync(target, 'utf8');
      if (keys[0] === '$text') return text;
      const parsed = keys[0] === '$json' ? JSON.parse(text) : YAML.parse(text, { merge: false });
      return resolvePlaceholders(parsed, target);
    }
    const out = {};
    for (const k of keys) out[k] = resolvePlaceholders(node[k], file);
    return out;
  }
  return node;
}

function loadTemplate(file) {
  const parsed = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'), { merge: false });
  const broken = parsed.find((d) => d.errors.length);
  if (broken) throw new Error(`YAML error: ${broken.errors[0].message}`);
  const docs = parsed.map((d) => d.toJSON());
  const entity = docs.find((d) => d && d.kind === 'Template');
  if (!entity) throw new Error('no Template document');
  if (entity.apiVersion !== 'scaffolder.backstage.io/v1beta3') {
    throw new Error(`unsupported apiVersion ${entity.apiVersion}; the scaffolder runs scaffolder.backstage.io/v1beta3 only`);
  }
  return JSON.parse(JSON.stringify(resolvePlaceholders(entity, file)));
}

// ------------------------------------------------------------------ parameter files

function sampleString(name, schema) {
  const formats = { email: 'payments@acme.example', date: '2026-03-02', time: '09:30:00Z', 'date-time': '2026-03-02T09:30:00Z', uri: 'https://acme.example/payments', url: 'https://acme.example/payments' };
  if (formats[schema.format]) return formats[schema.format];
  const field = schema['ui:field'] || '';
  const n = name.toLowerCase();
  if (field === 'RepoUrlPicker' || /repourl/.test(n)) {
    const hosts = schema['ui:options']?.allowedHosts;
    const host = Array.isArray(hosts) && hosts.length ? hosts[0] : 'github.com';
    if (host.includes('bitbucket')) return `${host}?workspace=acme&project=PAY&repo=payments-api`;
    if (host.includes('azure')) return `${host}?organization=acme&owner=payments&repo=payments-api`;
    return `${host}?owner=acme&repo=payments-api`;
  }
  if (['OwnerPicker', 'MyGroupsPicker', 'OwnedEntityPicker', 'EntityPicker'].includes(field)) {
    const kinds = schema['ui:options']?.catalogFilter?.kind || schema['ui:options']?.allowedKinds;
    const kind = Array.isArray(kinds) && kinds.length ? kinds[0] : (field === 'EntityPicker' || field === 'OwnedEntityPicker' ? 'Component' : 'Group');
    if (/owner|team|group/.test(n) || kind === 'Group') return 'group:default/payments-team';
    if (kind === 'System' || /system/.test(n)) return 'system:default/payments';
    return `${kind.toLowerCase()}:default/payments-api`;
  }
  if (field === 'EntityNamePicker' || /^(name|component_?id|app_?name|service_?name|repo_?name|project_?name)$/.test(n)) return 'payments-api';
  if (/description/.test(n)) return 'Handles card payments for the checkout';
  if (/owner/.test(n)) return 'group:default/payments-team';
  if (/system/.test(n)) return 'payments';
  if (/package/.test(n)) return 'com.acme.payments';
  if (/group_?id/.test(n)) return 'com.acme';
  if (/artifact/.test(n)) return 'payments-api';
  if (/email/.test(n)) return 'payments@acme.example';
  if (/url/.test(n)) return 'https://acme.example/payments';
  if (/branch/.test(n)) return 'main';
  if (/namespace/.test(n)) return 'payments';
  if (/port/.test(n)) return '8080';
  if (/version/.test(n)) return '1.0.0';
  if (/title/.test(n)) return 'Payments API';
  if (/path/.test(n)) return 'docs';
  return 'payments';
}

function typeMatches(value, type) {
  if (type === undefined) return true;
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => (t === 'integer' ? Number.isInteger(value) : t === 'array' ? Array.isArray(value)
    : t === 'null' ? value === null : t === 'object' ? value !== null && typeof value === 'object' && !Array.isArray(value)
      : typeof value === t));
}

let ALT = false;

/** The "alt" parameter set: every boolean the other way, the last enum value, one element in each list. */
function alternative(name, schema, base) {
  if (!ALT || !schema || typeof schema !== 'object') return base;
  if (typeof base === 'boolean') return !base;
  if (Array.isArray(schema.enum) && schema.enum.length > 1) return schema.enum[schema.enum.length - 1];
  return base;
}

function sample(name, schema) {
  return alternative(name, schema, sampleOf(name, schema));
}

function sampleOf(name, schema) {
  if (!schema || typeof schema !== 'object') return undefined;
  // a default that contradicts the declared type (a template bug) is replaced by what a user would type
  if (schema.default !== undefined && typeMatches(schema.default, schema.type)) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'boolean': return false;
    case 'integer': case 'number': return schema.minimum ?? 1;
    case 'array': {
      if (schema['ui:field'] === 'EntityTagsPicker' || /tag/i.test(name)) return ['payments'];
      if (schema.items && Array.isArray(schema.items.enum) && schema.items.enum.length) return [schema.items.enum[0]];
      if ((schema.minItems > 0 || ALT) && schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items)) {
        const item = sample(name, schema.items);
        return item === undefined ? [] : [item];
      }
      return [];
    }
    case 'object': {
      const o = {};
      for (const [k, s] of Object.entries(schema.properties || {})) {
        const v = sample(k, s);
        if (v !== undefined) o[k] = v;
      }
      return o;
    }
    default: {
      if (schema.items || schema.properties) return undefined;
      let s = sampleString(name, schema);
      if (schema.pattern && !new RegExp(schema.pattern, 'u').test(s)) {
        s = ['payments-api', 'payments', 'payments_api', 'PaymentsApi', 'com.acme.payments', 'a1'].find((c) => new RegExp(schema.pattern, 'u').test(c)) ?? s;
      }
      if (schema.maxLength && s.length > schema.maxLength) s = s.slice(0, schema.maxLength);
      return s;
    }
  }
}

function initParams(template) {
  const pages = Array.isArray(template.spec.parameters) ? template.spec.parameters : template.spec.parameters ? [template.spec.parameters] : [];
  const parameters = {};
  for (const page of pages) {
    for (const [k, s] of Object.entries(page.properties || {})) {
      if (parameters[k] !== undefined) continue;
      const v = sample(k, s);
      if (v !== undefined) parameters[k] = v;
    }
    // JSON Schema `dependencies` with oneOf branches, as dynamic forms use them: fill the selected branch
    for (const [key, dep] of Object.entries(page.dependencies || {})) {
      for (const branch of dep.oneOf || []) {
        const sel = branch.properties?.[key];
        const selected = sel && (sel.const !== undefined ? sel.const === parameters[key]
          : Array.isArray(sel.enum) && sel.enum.includes(parameters[key]));
        if (!selected) continue;
        for (const [k, s] of Object.entries(branch.properties)) {
          if (k === key || parameters[k] !== undefined) continue;
          const v = sample(k, s);
          if (v !== undefined) parameters[k] = v;
        }
      }
    }
  }
  return {
    parameters,
    user: {
      ref: 'user:default/jane.doe',
      entity: { apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name: 'jane.doe', namespace: 'default' }, spec: { profile: { displayName: 'Jane Doe', email: 'jane.doe@acme.example' }, memberOf: ['payments-team'] } },
    },
    secrets: {},
  };
}

// ------------------------------------------------------------------ workspace helpers

function safeChild(base, p) {
  const target = path.resolve(base, p);
  const rel = path.relative(base, target);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new Error('Relative path is not allowed to refer to a directory outside its parent');
  }
  return target;
}

function resolveUrl(templateDir, url, root = CORPUS) {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(url) && !url.startsWith('file:')) {
    throw new Error(`cannot fetch ${url}: remote locations are not read by this oracle`);
  }
  const p = url.startsWith('file://') ? url.slice(7) : url.startsWith('file:') ? url.slice(5) : url;
  const target = path.resolve(templateDir, p);
  safeChild(root, path.relative(root, target));
  if (!fs.existsSync(target)) throw new Error(`${url} does not exist`);
  return target;
}

/** globby('**' + '/*', {dot, onlyFiles: false, markDirectories}) */
function listEntries(dir, prefix = '') {
  const out = [];
  for (const d of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = prefix ? `${prefix}/${d.name}` : d.name;
    if (d.isDirectory()) {
      out.push(`${rel}/`);
      out.push(...listEntries(dir, rel));
    } else {
      out.push(rel);
    }
  }
  return out;
}

/** globby(patterns, same options): a pattern naming a directory expands to everything below it. */
function matchEntries(dir, entries, patterns) {
  const set = new Set();
  for (const raw of patterns) {
    let pattern = String(raw).replace(/^\.\//, '');
    const plain = pattern.replace(/\/$/, '');
    const dirsOnly = pattern.endsWith('/');
    if (!/[*?]|\[[^\]]*\]|\{[^{}]*(?:,|\.\.)[^{}]*\}/.test(plain) && plain && fs.existsSync(path.join(dir, plain)) && fs.statSync(path.join(dir, plain)).isDirectory()) {
      pattern = `${plain}/**`;
    } else {
      pattern = plain;
    }
    for (const e of entries) {
      const bare = e.endsWith('/') ? e.slice(0, -1) : e;
      if (dirsOnly && !pattern.endsWith('/**') && !e.endsWith('/')) continue;
      if (minimatch(bare, pattern, { dot: true })) {
        if (pattern.endsWith('/**') && bare === pattern.slice(0, -3)) continue;
        set.add(e);
      }
    }
  }
  return set;
}

function isBinary(buf) {
  const n = Math.min(buf.length, 512);
  if (n === 0) return false;
  let suspicious = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return true;
    if ((b < 7 || (b > 14 && b < 32)) && b !== 27) suspicious++;
  }
  return suspicious * 10 > n;
}

// ------------------------------------------------------------------ actions

function fetchTemplate(ctx, input, sourceDir) {
  const targetPath = input.targetPath ?? './';
  const outputDir = safeChild(ctx.workspace, targetPath);
  if (input.copyWithoutRender && input.copyWithoutTemplating) {
    throw new Error('Fetch action input copyWithoutRender and copyWithoutTemplating can not be used at the same time');
  }
  let copyOnly;
  let renderFilename;
  if (input.copyWithoutRender) {
    copyOnly = input.copyWithoutRender;
    renderFilename = false;
  } else {
    copyOnly = input.copyWithoutTemplating;
    renderFilename = true;
  }
  if (copyOnly && !Array.isArray(copyOnly)) throw new Error('Fetch action input copyWithoutRender/copyWithoutTemplating must be an Array');
  if (input.templateFileExtension && (copyOnly || input.cookiecutterCompat)) {
    throw new Error('Fetch action input extension incompatible with copyWithoutRender/copyWithoutTemplating and cookiecutterCompat');
  }
  let extension = false;
  if (input.templateFileExtension) {
    extension = input.templateFileExtension === true ? '.njk' : input.templateFileExtension;
    if (!extension.startsWith('.')) extension = `.${extension}`;
  }
  const entries = listEntries(sourceDir);
  const copyOnlySet = matchEntries(sourceDir, entries, copyOnly || []);
  const recorded = BENCH.recording && ctx.root === CORPUS ? { skeleton: path.relative(CORPUS, sourceDir).split(path.sep).join('/'),
    cookiecutterCompat: !!input.cookiecutterCompat, trimBlocks: !!input.trimBlocks, lstripBlocks: !!input.lstripBlocks,
    values: jsonCopy(input.values) ?? {}, paths: [], contents: [] } : null;
  const context = { [input.cookiecutterCompat ? 'cookiecutter' : 'values']: input.values };
  const render = makeRenderer({ cookiecutterCompat: !!input.cookiecutterCompat, trimBlocks: input.trimBlocks, lstripBlocks: input.lstripBlocks });
  for (const location of entries) {
    let renderContents;
    let local = location;
    if (extension) {
      renderContents = path.extname(local) === extension;
      if (renderContents) local = local.slice(0, -extension.length);
      local = render(local, context);
    } else {
      renderContents = !copyOnlySet.has(location);
      if (renderFilename || renderContents) {
        if (recorded) recorded.paths.push(location);
        local = render(local, context);
      }
    }
    if (local === '' || local.startsWith('/') || local.includes('//')) continue;
    const out = safeChild(outputDir, local);
    if (fs.existsSync(out) && !input.replace) continue;
    if (location.endsWith('/')) {
      fs.mkdirSync(out, { recursive: true });
      continue;
    }
    const src = path.join(sourceDir, location);
    const buf = fs.readFileSync(src);
    const mode = fs.statSync(src).mode;
    fs.mkdirSync(path.dirname(out), { recursive: true });
    if (fs.lstatSync(src).isSymbolicLink() || isBinary(buf)) {
      fs.copyFileSync(src, out);
    } else {
      const text = buf.toString('utf8');
      if (recorded && renderContents) recorded.contents.push(location);
      fs.writeFileSync(out, renderContents ? render(text, context) : text, { mode });
      fs.chmodSync(out, mode & 0o777);
    }
  }
  if (recorded && !extension) BENCH.skeletons.push(recorded);
}

function fetchTemplateFile(ctx, input, sourceFile) {
  const out = safeChild(ctx.workspace, input.targetPath);
  if (fs.existsSync(out) && !input.replace) return;
  const render = makeRenderer({ cookiecutterCompat: !!input.cookiecutterCompat, trimBlocks: input.trimBlocks, lstripBlocks: input.lstripBlocks });
  const context = { [input.cookiecutterCompat ? 'cookiecutter' : 'values']: input.values };
  const buf = fs.readFileSync(sourceFile);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  if (isBinary(buf)) {
    fs.copyFileSync(sourceFile, out);
  } else {
    fs.writeFileSync(out, render(buf.toString('utf8'), context));
  }
  fs.chmodSync(out, fs.statSync(sourceFile).mode & 0o777);
}

function copyTree(src, dest) {
  fs.cpSync(src, dest, { recursive: true, force: true, verbatimSymlinks: true });
}

const ACTIONS = {
  'fetch:template': (ctx, input) => fetchTemplate(ctx, input, resolveUrl(ctx.templateDir, input.url, ctx.root)),
  'workspace:template': (ctx, input) => fetchTemplate(ctx, input, safeChild(ctx.workspace, input.sourcePath)),
  'fetch:template:file': (ctx, input) => fetchTemplateFile(ctx, input, resolveUrl(ctx.templateDir, input.url, ctx.root)),
  'workspace:template:file': (ctx, input) => fetchTemplateFile(ctx, input, safeChild(ctx.workspace, input.sourcePath)),
  'fetch:plain': (ctx, input) => {
    const src = resolveUrl(ctx.templateDir, input.url, ctx.root);
    const out = safeChild(ctx.workspace, input.targetPath ?? './');
    fs.mkdirSync(out, { recursive: true });
    copyTree(src, out);
  },
  'fetch:plain:file': (ctx, input) => {
    const src = resolveUrl(ctx.templateDir, input.url, ctx.root);
    const out = safeChild(ctx.workspace, input.targetPath);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.copyFileSync(src, out);
  },
  'fs:delete': (ctx, input) => {
    const entries = listEntries(ctx.workspace);
    for (const f of input.files || []) {
      const matched = /[*?[\]{}]/.test(f) ? [...matchEntries(ctx.workspace, entries, [f])] : [f];
      for (const m of matched) fs.rmSync(safeChild(ctx.workspace, m), { recursive: true, force: true });
    }
  },
  'fs:rename': (ctx, input) => {
    for (const f of input.files || []) {
      const from = safeChild(ctx.workspace, f.from);
      const to = safeChild(ctx.workspace, f.to);
      if (!fs.existsSync(from)) throw new Error(`the file ${f.from} does not exist`);
      if (fs.existsSync(to) && !f.overwrite) throw new Error(`the file ${f.to} already exists`);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.rmSync(to, { recursive: true, force: true });
      fs.renameSync(from, to);
    }
  },
  'fs:readdir': (ctx, input) => {
    const files = [];
    const folders = [];
    for (const p of input.paths) {
      const dir = safeChild(ctx.workspace, p);
      const walk = (d) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
          const full = path.join(d, e.name);
          const item = { name: e.name, path: path.relative(ctx.workspace, full), fullPath: full };
          if (e.isDirectory()) {
            folders.push(item);
            if (input.recursive) walk(full);
          } else {
            files.push(item);
          }
        }
      };
      walk(dir);
    }
    ctx.output('files', files);
    ctx.output('folders', folders);
  },
  'catalog:write': (ctx, input) => {
    const out = safeChild(ctx.workspace, input.filePath ?? 'catalog-info.yaml');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, YAML.stringify(input.entity));
  },
  'debug:log': () => {},
  'debug:wait': () => {},
};

// ------------------------------------------------------------------ the run

function run(templateFile, params, root = CORPUS) {
  const template = loadTemplate(templateFile);
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'portolan-oracle-'));
  const steps = {};
  const context = {
    parameters: params.parameters || {},
    steps,
    user: params.user || {},
    context: { task: { id: 'dry-run' } },
    environment: { parameters: {} },
  };
  const report = [];
  let error = null;
  try {
    (template.spec.steps || []).forEach((raw, i) => {
      const step = { id: raw.id ?? `step-${i + 1}`, action: raw.action, input: raw.input ?? {}, if: raw.if, each: raw.each };
      if (error) {
        report.push({ id: step.id, action: step.action, status: 'skipped' });
        return;
      }
      try {
        if (step.each === undefined && step.if !== undefined) {
          const cond = step.if === false || step.if === true ? step.if : renderValue(step.if, context);
          if (!isTruthy(cond)) {
            report.push({ id: step.id, action: step.action, status: 'skipped' });
            return;
          }
        }
        const handler = ACTIONS[step.action];
        if (!handler) {
          report.push({ id: step.id, action: step.action, status: 'skipped' });
          return;
        }
        const withSecrets = { ...context, secrets: params.secrets || {}, environment: { parameters: {}, secrets: {} } };
        let iterations = [null];
        if (step.each !== undefined) {
          const each = renderValue(step.each, withSecrets);
          if (each === undefined) throw new Error('each cannot be resolved to a value');
          if (typeof each !== 'object' || each === null) throw new Error('each must resolve to an array or object');
          iterations = Object.entries(each).map(([k, v]) => ({ key: k, value: v }));
        }
        const output = {};
        for (const it of iterations) {
          const c = it ? { ...withSecrets, each: it } : withSecrets;
          if (it && step.if !== undefined) {
            const cond = step.if === false || step.if === true ? step.if : renderValue(step.if, c);
            if (!isTruthy(cond)) continue;
          }
          const input = renderValue(step.input, c) || {};
          if (BENCH.recording) {
            const strings = [];
            const walk = (v) => {
              if (typeof v === 'string') strings.push(v);
              else if (v && typeof v === 'object') Object.values(v).forEach(walk);
            };
            walk(step.input);
            BENCH.values.push({ strings, context: jsonCopy({ ...c, secrets: {} }) });
          }
          handler({
            workspace,
            templateDir: path.dirname(templateFile),
            root,
            output: (name, value) => {
              if (step.each !== undefined) (output[name] = output[name] || []).push(value);
              else output[name] = value;
            },
          }, input);
        }
        steps[step.id] = { output };
        report.push({ id: step.id, action: step.action, status: 'completed' });
      } catch (e) {
        error = `${step.id} (${step.action}): ${e.message}`;
        report.push({ id: step.id, action: step.action, status: 'failed' });
      }
    });
    let output = renderValue(template.spec.output ?? {}, context) ?? {};
    for (const key of ['links', 'text']) {
      if (Array.isArray(output[key])) {
        output[key] = output[key].filter((item) => !(item && typeof item === 'object' && 'if' in item) || isTruthy(item.if))
          .map((item) => {
            if (item && typeof item === 'object' && 'if' in item) {
              const { if: _drop, ...rest } = item;
              return rest;
            }
            return item;
          });
      }
    }
    const files = {};
    for (const e of listEntries(workspace)) {
      const full = path.join(workspace, e);
      if (e.endsWith('/') || !fs.lstatSync(full).isFile()) continue;
      const buf = fs.readFileSync(full);
      const f = { sha256: crypto.createHash('sha256').update(buf).digest('hex'), size: buf.length, executable: (fs.statSync(full).mode & 0o100) !== 0 };
      if (buf.length <= SMALL && !isBinary(buf)) f.text = buf.toString('utf8');
      files[e] = f;
    }
    return { steps: report, error, files, output };
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

function templates(base = CORPUS) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name === 'template.yaml') out.push(full);
    }
  };
  walk(base);
  return out.sort();
}

/** Writes params and expected files for every template; `runner(file, params, root)` computes one result. */
async function main(runner = run, expectedDir = path.join(RES, 'expected')) {
  fs.mkdirSync(path.join(RES, 'params'), { recursive: true });
  fs.mkdirSync(expectedDir, { recursive: true });
  let count = 0;
  const all = [...templates(CORPUS).map((f) => [f, CORPUS, '']), ...templates(SYNTHETIC).map((f) => [f, SYNTHETIC, 'synthetic__'])];
  for (const [file, root, prefix] of all) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    if (ONLY && !rel.includes(ONLY)) continue;
    const name = prefix + path.dirname(rel).split('/').join('__');
    let template;
    try {
      template = loadTemplate(file);
    } catch (e) {
      const result = { template: rel, loadError: e.message };
      fs.writeFileSync(path.join(expectedDir, `${name}.json`), `${JSON.stringify(result, null, 1)}\n`);
      count++;
      continue;
    }
    for (const variant of ['', '@alt']) {
      const paramsFile = path.join(RES, 'params', `${name}${variant}.json`);
      if (INIT || !fs.existsSync(paramsFile)) {
        ALT = variant === '@alt';
        const params = initParams(template);
        ALT = false;
        const base = path.join(RES, 'params', `${name}.json`);
        if (variant && fs.existsSync(base) && fs.readFileSync(base, 'utf8') === `${JSON.stringify(params, null, 2)}\n`) {
          fs.rmSync(paramsFile, { force: true });
          fs.rmSync(path.join(expectedDir, `${name}${variant}.json`), { force: true });
          continue;
        }
        fs.writeFileSync(paramsFile, `${JSON.stringify(params, null, 2)}\n`);
      }
      if (!fs.existsSync(paramsFile)) continue;
      const params = JSON.parse(fs.readFileSync(paramsFile, 'utf8'));
      const before = { skeletons: BENCH.skeletons.length, values: BENCH.values.length };
      BENCH.recording = !!MANIFEST && variant === '';
      const result = { template: rel, ...(await runner(file, params, root)) };
      BENCH.recording = false;
      if (result.error) {
        BENCH.skeletons.length = before.skeletons;
        BENCH.values.length = before.values;
      }
      fs.writeFileSync(path.join(expectedDir, `${name}${variant}.json`), `${JSON.stringify(result, null, 1)}\n`);
      count++;
      process.stdout.write(`${rel}${variant}: ${Object.keys(result.files).length} files${result.error ? `, error: ${result.error}` : ''}\n`);
    }
  }
  process.stdout.write(`${count} runs\n`);
  if (MANIFEST) {
    fs.writeFileSync(MANIFEST, `${JSON.stringify({ skeletons: BENCH.skeletons, values: BENCH.values })}\n`);
    const files = BENCH.skeletons.reduce((n, s) => n + s.contents.length, 0);
    process.stdout.write(`bench manifest: ${BENCH.skeletons.length} fetch:template steps, ${files} files, ${BENCH.values.length} step inputs\n`);
  }
}

if (require.main === module) {
  // the committed expected files come from scaffolder-backend/oracle.js; this reconstruction writes its own apart
  const classic = path.join(os.tmpdir(), 'portolan-classic-oracle', 'expected');
  process.stdout.write(`classic reconstruction: expected results written to ${classic}\n`);
  main(run, classic).catch((e) => {
    process.stderr.write(`${e.stack}\n`);
    process.exitCode = 1;
  });
}

module.exports = { makeRenderer, renderValue, run, main, loadTemplate, listEntries, isBinary, CORPUS, SYNTHETIC };
