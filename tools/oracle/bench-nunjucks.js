#!/usr/bin/env node
'use strict';
/**
 * nunjucks 3.2.4 on the inputs of ScaffolderBenchmark, for the side-by-side table in docs/performance.md.
 *
 * Usage:
 *   node tools/oracle/bench-nunjucks.js [--oracle DIR] [--shared DIR] [--warmup SECONDS] [--time SECONDS] [--rounds N]
 *
 * Benchmarks (same names and inputs as the JMH ones):
 *   renderValue            `${{ values.repoUrl | parseRepoUrl | pick('owner') }}` with the classic value renderer
 *   renderSkeletonFile     the 16-line catalog-info skeleton of ScaffolderBenchmark
 *   renderCorpusSkeletons  every rendered path and file of the corpus fetch:template steps (corpus-renders.json)
 *   renderCorpusStepValues every step-input string of those runs, with the classic value renderer
 * Each is measured twice: `renderString`, which compiles the template on every call as Backstage's
 * SecureTemplater does, and `compiled`, which compiles each distinct template once and then only renders
 * (the value renderer always parses, so renderValue/renderCorpusStepValues have only the first form).
 *
 * For each, `--rounds` rounds (default 5) of `--time` seconds (default 1) after `--warmup` seconds (default 3);
 * prints one JSON line per benchmark with the mean wall time per operation and the process CPU time per
 * operation (process.cpuUsage: user + system of every thread, including the garbage collector and compiler).
 */
const fs = require('node:fs');
const path = require('node:path');
const { makeRenderer, renderValue, CORPUS } = require('./scaffold-oracle.js');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const WARMUP = Number(arg('--warmup', 3));
const TIME = Number(arg('--time', 1));
const ROUNDS = Number(arg('--rounds', 5));

const REPO = path.resolve(__dirname, '..', '..');
const MANIFEST = path.join(REPO, 'benchmarks', 'src', 'main', 'resources', 'dev', 'portolan', 'benchmarks', 'scaffolder',
  'corpus-renders.json');

// Kept identical to ScaffolderBenchmark.SKELETON_FILE (Java text block: common indentation removed).
const SKELETON_FILE = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: \${{ values.name | dump }}
  description: \${{ values.description | default("none") | dump }}
  annotations:
    github.com/project-slug: \${{ values.repoUrl | projectSlug }}
  tags:
{%- for tag in values.tags %}
    - \${{ tag | lower | replace(" ", "-") }}
{%- endfor %}
spec:
  type: \${{ "service" if values.kind === "backend" else "website" }}
  owner: \${{ values.owner | parseEntityRef({ defaultKind: "group" }) | pick("name") }}
  lifecycle: experimental
{% if values.system %}  system: \${{ values.system }}{% endif %}
`;

const values = {
  name: 'payments-api', description: 'Takes payments', repoUrl: 'github.com?owner=acme&repo=payments-api',
  tags: ['Java', 'Spring Boot', 'Payments', 'PCI'], kind: 'backend', owner: 'team-pay', system: 'billing',
};
const context = { values };

const manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
const skeletons = manifest.skeletons.map((s) => {
  const folder = path.join(CORPUS, s.skeleton);
  return {
    context: { values: s.values },
    paths: s.paths,
    contents: s.contents.map((f) => fs.readFileSync(path.join(folder, f), 'utf8')),
  };
});

// the environment fetch:template uses (SecureTemplater: autoescape off, ${{ }}, Backstage's filters)
const render = makeRenderer();
const cache = new Map();
function renderCompiled(src, ctx) {
  let t = cache.get(src);
  if (!t) {
    t = render.compile(src);
    cache.set(src, t);
  }
  return t.render(ctx);
}

const benchmarks = {
  renderValue: () => renderValue("${{ values.repoUrl | parseRepoUrl | pick('owner') }}", context),
  'renderSkeletonFile (renderString)': () => render(SKELETON_FILE, context),
  'renderSkeletonFile (compiled)': () => renderCompiled(SKELETON_FILE, context),
  'renderCorpusSkeletons (renderString)': () => {
    let chars = 0;
    for (const s of skeletons) {
      for (const p of s.paths) chars += render(p, s.context).length;
      for (const c of s.contents) chars += render(c, s.context).length;
    }
    return chars;
  },
  'renderCorpusSkeletons (compiled)': () => {
    let chars = 0;
    for (const s of skeletons) {
      for (const p of s.paths) chars += renderCompiled(p, s.context).length;
      for (const c of s.contents) chars += renderCompiled(c, s.context).length;
    }
    return chars;
  },
  renderCorpusStepValues: () => {
    let n = 0;
    for (const v of manifest.values) {
      for (const s of v.strings) {
        if (renderValue(s, v.context) !== undefined) n++;
      }
    }
    return n;
  },
};

let sink = 0;
function measure(fn, seconds) {
  const end = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let ops = 0;
  let now = t0;
  while (now < end) {
    const r = fn();
    sink ^= typeof r === 'number' ? r : 1;
    ops++;
    now = process.hrtime.bigint();
  }
  const cpu = process.cpuUsage(cpu0);
  return { ops, wallNs: Number(now - t0), cpuNs: (cpu.user + cpu.system) * 1000 };
}

function main() {
  const only = arg('--only', '');
  for (const [name, fn] of Object.entries(benchmarks)) {
    if (only && !name.includes(only)) continue;
    measure(fn, WARMUP);
    const rounds = [];
    for (let i = 0; i < ROUNDS; i++) rounds.push(measure(fn, TIME));
    const ops = rounds.reduce((n, r) => n + r.ops, 0);
    const wall = rounds.reduce((n, r) => n + r.wallNs, 0) / ops;
    const cpu = rounds.reduce((n, r) => n + r.cpuNs, 0) / ops;
    const perRound = rounds.map((r) => r.wallNs / r.ops);
    const unit = wall > 1e6 ? ['ms', 1e6] : ['us', 1e3];
    process.stdout.write(`${JSON.stringify({
      benchmark: name,
      unit: `${unit[0]}/op`,
      wall: +(wall / unit[1]).toFixed(3),
      wallMin: +(Math.min(...perRound) / unit[1]).toFixed(3),
      wallMax: +(Math.max(...perRound) / unit[1]).toFixed(3),
      cpu: +(cpu / unit[1]).toFixed(3),
      ops,
    })}\n`);
  }
  if (sink === 0.5) process.stdout.write('');
}

main();
