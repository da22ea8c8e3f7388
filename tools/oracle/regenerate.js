#!/usr/bin/env node
'use strict';
/**
 * Regenerates the Backstage conformance fixtures from the node oracle.
 *
 * Usage:
 *   node tools/oracle/regenerate.js [--oracle DIR] [--shared DIR] [--check] [set...]
 *
 * set: corpus | app-cases | edge | refs | variants | all (default: all)
 *
 * --oracle  a copy of shared/oracle/node on which `npm ci` has been run
 *           (default: $PORTOLAN_ORACLE_DIR, else <repo>/../tools/oracle-node)
 * --shared  the shared folder holding corpus/catalog (default: $PORTOLAN_SHARED_DIR, else <repo>/../shared)
 * --check   also run the oracle's selfcheck.js (model engine vs real backend code)
 *           over the set's inputs and print its summary lines (needs the optional
 *           dependencies of the oracle, i.e. a plain `npm ci`)
 *
 * Every validate.js run uses the model engine with relations. The JSON lines are
 * split: verdict fields go to catalog-model/src/test/resources/conformance/<set>-<profile>.jsonl,
 * relation rows of valid documents to catalog-core/src/test/resources/conformance/<set>-relations-<profile>.jsonl.
 * The oracle is run with the set's root folder as working directory, so every
 * `file` (and `duplicateOf`) is relative to that root.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const REPO = path.resolve(__dirname, '..', '..');
const MODEL_DIR = path.join(REPO, 'catalog-model', 'src', 'test', 'resources', 'conformance');
const CORE_DIR = path.join(REPO, 'catalog-core', 'src', 'test', 'resources', 'conformance');
const PROFILES = ['app', 'core'];
const VERDICT_FIELDS = ['file', 'docIndex', 'ref', 'valid', 'stage', 'error', 'errorName', 'duplicateOf', 'unsupported'];

function parseArgs(argv) {
  const opts = {
    oracle: process.env.PORTOLAN_ORACLE_DIR || path.resolve(REPO, '..', 'tools', 'oracle-node'),
    shared: process.env.PORTOLAN_SHARED_DIR || path.resolve(REPO, '..', 'shared'),
    check: false,
    sets: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--oracle') opts.oracle = path.resolve(argv[++i]);
    else if (a === '--shared') opts.shared = path.resolve(argv[++i]);
    else if (a === '--check') opts.check = true;
    else if (a === '-h' || a === '--help') opts.help = true;
    else opts.sets.push(a);
  }
  if (!opts.sets.length || opts.sets.includes('all')) opts.sets = ['corpus', 'app-cases', 'edge', 'refs', 'variants'];
  return opts;
}

function runNode(oracle, script, args, cwd) {
  return execFileSync(process.execPath, [path.join(oracle, script), ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
}

function pick(obj, fields) {
  const out = {};
  for (const f of fields) if (f in obj) out[f] = obj[f];
  return out;
}

function writeLines(file, objects) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, objects.map(o => `${JSON.stringify(o)}\n`).join(''));
}

/** Runs validate.js for both profiles over `root` (cwd) and writes the split fixtures. */
function validateSet(opts, name, root, inputs = ['.']) {
  for (const profile of PROFILES) {
    const text = runNode(opts.oracle, 'validate.js', ['--engine', 'model', '--profile', profile, ...inputs], root);
    const lines = text.split('\n').filter(Boolean).map(l => JSON.parse(l));
    writeLines(path.join(MODEL_DIR, `${name}-${profile}.jsonl`), lines.map(l => pick(l, VERDICT_FIELDS)));
    writeLines(
      path.join(CORE_DIR, `${name}-relations-${profile}.jsonl`),
      lines.filter(l => Array.isArray(l.relations)).map(l => pick(l, ['file', 'docIndex', 'ref', 'relations'])),
    );
    const counts = { valid: 0, invalid: 0, skipped: 0 };
    for (const l of lines) counts[l.valid === true ? 'valid' : l.valid === false ? 'invalid' : 'skipped']++;
    process.stdout.write(`${JSON.stringify({ set: name, profile, documents: lines.length, ...counts })}\n`);
  }
  if (opts.check) {
    process.stdout.write(runNode(opts.oracle, 'selfcheck.js', ['--profile', 'all', ...inputs], root));
  }
}

function copyTree(from, to) {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
}

const SETS = {
  corpus(opts) {
    validateSet(opts, 'corpus', path.join(opts.shared, 'corpus', 'catalog'));
  },
  'app-cases'(opts) {
    const target = path.join(MODEL_DIR, 'oracle-app-cases');
    copyTree(path.join(opts.oracle, 'corpus', 'app'), target);
    validateSet(opts, 'oracle-app-cases', target);
  },
  edge(opts) {
    validateSet(opts, 'edge', path.join(MODEL_DIR, 'edge'));
  },
  refs(opts) {
    const input = path.join(MODEL_DIR, 'refs-input.txt');
    const oracleCases = fs.readFileSync(path.join(opts.oracle, 'corpus', 'refs.txt'), 'utf8');
    const own = fs.readFileSync(path.join(MODEL_DIR, 'refs-portolan.txt'), 'utf8');
    fs.writeFileSync(input, `${oracleCases.replace(/\n*$/, '\n')}${own}`);
    const out = runNode(opts.oracle, 'refs.js', [path.basename(input)], MODEL_DIR);
    fs.writeFileSync(path.join(MODEL_DIR, 'refs.jsonl'), out);
    const lines = out.split('\n').filter(Boolean).map(l => JSON.parse(l));
    const ok = lines.filter(l => l.ok).length;
    process.stdout.write(`${JSON.stringify({ set: 'refs', cases: lines.length, ok, failed: lines.length - ok })}\n`);
  },
  variants(opts) {
    const target = path.join(MODEL_DIR, 'variants');
    execFileSync(
      process.execPath,
      [path.join(__dirname, 'mutate.js'), '--oracle', opts.oracle, '--corpus', path.join(opts.shared, 'corpus', 'catalog'), '--out', target],
      { stdio: 'inherit' },
    );
    validateSet(opts, 'variants', target);
  },
};

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    process.stdout.write('usage: node tools/oracle/regenerate.js [--oracle DIR] [--shared DIR] [--check] [corpus|app-cases|edge|refs|variants|all]...\n');
    return;
  }
  if (!fs.existsSync(path.join(opts.oracle, 'node_modules', '@backstage', 'catalog-model'))) {
    process.stderr.write(`${opts.oracle} has no node_modules: copy shared/oracle/node and run npm ci in the copy\n`);
    process.exit(2);
  }
  for (const s of opts.sets) {
    if (!SETS[s]) {
      process.stderr.write(`unknown set ${s}\n`);
      process.exit(2);
    }
    SETS[s](opts);
  }
}

main();
