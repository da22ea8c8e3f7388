#!/usr/bin/env node
'use strict';
/**
 * Expected scaffolder results for the corpus and synthetic templates, computed by Backstage's own scaffolder
 * backend (@backstage/plugin-scaffolder-backend 4.3.0, rendering with nunjitsu 0.7.0) run headless.
 *
 * Setup (node_modules is kept outside the repository, ~200 MB):
 *   mkdir -p /work/tools/scaffolder-oracle-node
 *   cp tools/oracle/scaffolder-backend/package.json tools/oracle/scaffolder-backend/package-lock.json \
 *      /work/tools/scaffolder-oracle-node/
 *   (cd /work/tools/scaffolder-oracle-node && npm ci --ignore-scripts --legacy-peer-deps)
 *
 * Usage:
 *   node tools/oracle/scaffolder-backend/oracle.js [--backstage DIR] [--oracle DIR] [--shared DIR]
 *        [--init-params] [--only SUBSTRING]
 *
 * --backstage  the folder where the package above was installed (default: $PORTOLAN_SCAFFOLDER_ORACLE_DIR,
 *              else <repo>/../tools/scaffolder-oracle-node)
 * The other options, the parameter files (params/<name>[@alt].json), the expected files
 * (expected/<name>[@alt].json: {template, steps, error, files, output}) and the loading of template.yaml
 * (YAML 1.2, $yaml/$json/$text placeholders, default step ids step-<n>) are those of ../scaffold-oracle.js.
 *
 * What runs is Backstage's code, not a reconstruction of it:
 * - the task is executed by the package's own NunjucksWorkflowRunner (step `if`/`each`, `${{ }}` rendering of
 *   inputs with nunjitsu and Backstage's default filters parseRepoUrl/parseEntityRef/pick/projectSlug, input
 *   validation against each action's JSON Schema, skipping after a failed step, spec.output with the `if` of
 *   links and text items);
 * - the actions are the package's own: createFetchTemplateAction, createFetchTemplateFileAction,
 *   createWorkspaceTemplateAction, createWorkspaceTemplateFileAction, createFetchPlainAction,
 *   createFetchPlainFileAction, createFilesystemDeleteAction, createFilesystemRenameAction,
 *   createFilesystemReadDirAction, createCatalogWriteAction, createDebugLogAction, createWaitAction;
 * - any other action (publish:*, catalog:register, ...) is given `if: false`, so the runner skips it and it
 *   gives no output (what Portolan's skipAction does);
 * - the template is registered by URL (https://github.com/portolan/templates/blob/main/<path>/template.yaml)
 *   and the UrlReader answers from the local folder under corpus/templates (or the synthetic folder), so a
 *   relative `url:` resolves as the GitHub integration resolves it and may leave the template's folder but
 *   not the root; nothing is fetched from the network;
 * - the result is taken from the workspace each time the runner serializes it (after every step), so the
 *   files a failing run left are reported; spec.output of a failing run is rendered by the runner's own
 *   render with the context as it was after the last completed step.
 * Only regular files are reported (path, sha256, size, executable bit, and the text when small).
 */
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const base = require('../scaffold-oracle.js');

const REPO = path.resolve(__dirname, '..', '..', '..');
function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const BACKSTAGE = path.resolve(arg('--backstage', process.env.PORTOLAN_SCAFFOLDER_ORACLE_DIR
  || path.join(REPO, '..', 'tools', 'scaffolder-oracle-node')));
const need = (m) => require(path.join(BACKSTAGE, 'node_modules', m));
const backend = need('@backstage/plugin-scaffolder-backend');
const BACKEND_DIST = path.join(BACKSTAGE, 'node_modules', '@backstage', 'plugin-scaffolder-backend', 'dist');
const { NunjucksWorkflowRunner } = require(path.join(BACKEND_DIST, 'scaffolder', 'tasks', 'NunjucksWorkflowRunner.cjs.js'));
const helper = require(path.join(BACKEND_DIST, 'scaffolder', 'tasks', 'helper.cjs.js'));
const { ScmIntegrations } = need('@backstage/integration');
const { ConfigReader } = need('@backstage/config');
const { NotFoundError } = need('@backstage/errors');
const fse = need('fs-extra');

const SMALL = 4096;
const REPO_URL = 'https://github.com/portolan/templates';
/** The actions run with Backstage's code; the same set as OracleComparisonTest.ORACLE_ACTIONS. */
const ORACLE_ACTIONS = new Set(['fetch:template', 'workspace:template', 'fetch:template:file', 'workspace:template:file',
  'fetch:plain', 'fetch:plain:file', 'fs:delete', 'fs:rename', 'fs:readdir', 'catalog:write', 'debug:log', 'debug:wait']);

const logger = {
  error() {}, warn() {}, info() {}, debug() {},
  child() { return logger; },
};
const metrics = {
  createCounter: () => ({ add() {} }),
  createHistogram: () => ({ record() {} }),
  createUpDownCounter: () => ({ add() {} }),
  createGauge: () => ({ record() {} }),
};

/** A UrlReader answering URLs under REPO_URL from the local folder `root`. */
function localReader(root) {
  const local = (url) => {
    const m = /^https:\/\/github\.com\/portolan\/templates\/(?:tree|blob)\/main\/(.*)$/.exec(url.split('?')[0]);
    if (!m) throw new NotFoundError(`cannot fetch ${url}: remote locations are not read by this oracle`);
    const rel = decodeURIComponent(m[1]).replace(/\/+$/, '');
    const target = path.resolve(root, rel);
    if (target !== root && !target.startsWith(root + path.sep)) throw new NotFoundError(`${url} is outside the repository`);
    if (!fs.existsSync(target)) throw new NotFoundError(`${url} does not exist`);
    return target;
  };
  return {
    async readUrl(url) {
      const file = local(url);
      return { buffer: async () => fs.readFileSync(file), etag: 'local' };
    },
    async readTree(url) {
      const dir = local(url);
      if (!fs.statSync(dir).isDirectory()) throw new NotFoundError(`${url} is not a directory`);
      return {
        etag: 'local',
        async dir(options = {}) {
          const target = options.targetDir || fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'tree-'));
          await fse.copy(dir, target);
          return target;
        },
        async files() { throw new Error('files() is not used by the scaffolder actions'); },
        async archive() { throw new Error('archive() is not used by the scaffolder actions'); },
      };
    },
    async search() { throw new Error('search() is not used by the scaffolder actions'); },
  };
}

function actionsFor(root) {
  const integrations = ScmIntegrations.fromConfig(new ConfigReader({}));
  const reader = localReader(root);
  const list = [
    backend.createFetchTemplateAction({ reader, integrations }),
    backend.createFetchTemplateFileAction({ reader, integrations }),
    backend.createWorkspaceTemplateAction({ reader, integrations }),
    backend.createWorkspaceTemplateFileAction({ reader, integrations }),
    backend.createFetchPlainAction({ reader, integrations }),
    backend.createFetchPlainFileAction({ reader, integrations }),
    backend.createFilesystemDeleteAction(),
    backend.createFilesystemRenameAction(),
    backend.createFilesystemReadDirAction(),
    backend.createCatalogWriteAction(),
    backend.createDebugLogAction(),
    backend.createWaitAction(),
  ];
  const byId = new Map(list.map((a) => [a.id, a]));
  return { integrations, registry: { get: async (id) => {
    const a = byId.get(id);
    if (!a) throw new NotFoundError(`Template action with ID '${id}' is not registered.`);
    return a;
  } } };
}

/** The runner, remembering the context after each completed step so a failed run's output can be rendered. */
class RecordingRunner extends NunjucksWorkflowRunner {
  async executeStep(task, step, context, preparedContext, templateRenderer, ...rest) {
    this.lastContext = preparedContext;
    this.lastRenderer = templateRenderer;
    const next = await super.executeStep(task, step, context, preparedContext, templateRenderer, ...rest);
    this.lastContext = next;
    return next;
  }
}

function snapshot(workspace) {
  const files = {};
  if (!fs.existsSync(workspace)) return files;
  for (const e of base.listEntries(workspace)) {
    const full = path.join(workspace, e);
    if (e.endsWith('/') || !fs.lstatSync(full).isFile()) continue;
    const buf = fs.readFileSync(full);
    const f = { sha256: crypto.createHash('sha256').update(buf).digest('hex'), size: buf.length,
      executable: (fs.statSync(full).mode & 0o100) !== 0 };
    if (buf.length <= SMALL && !base.isBinary(buf)) f.text = buf.toString('utf8');
    files[e] = f;
  }
  return files;
}

async function run(templateFile, params, root) {
  const template = base.loadTemplate(templateFile);
  const rel = path.relative(root, templateFile).split(path.sep).join('/');
  const steps = (template.spec.steps || []).map((raw, i) => {
    const id = raw.id ?? `step-${i + 1}`;
    const step = { ...raw, id, name: raw.name ?? id };
    if (!ORACLE_ACTIONS.has(raw.action)) step.if = false;
    return step;
  });
  const work = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'portolan-backstage-oracle-'));
  const { integrations, registry } = actionsFor(root);
  const runner = new RecordingRunner({ actionRegistry: registry, integrations, workingDirectory: work, logger, metrics });
  const status = new Map(steps.map((s) => [s.id, undefined]));
  let files = {};
  const task = {
    taskId: 'dry-run',
    spec: {
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      steps,
      output: template.spec.output ?? {},
      parameters: params.parameters || {},
      user: params.user || {},
      templateInfo: { entityRef: `template:default/${template.metadata?.name}`, baseUrl: `${REPO_URL}/blob/main/${rel}` },
    },
    secrets: params.secrets || {},
    isDryRun: false,
    cancelSignal: new AbortController().signal,
    async getWorkspaceName() { return 'dry-run'; },
    async getInitiatorCredentials() { return { $$type: '@backstage/BackstageCredentials', principal: { type: 'none' } }; },
    async emitLog(_message, meta) {
      if (meta?.stepId && meta.status && meta.status !== 'processing') status.set(meta.stepId, meta.status);
    },
    async serializeWorkspace({ path: p }) { files = snapshot(p); },
    async complete() {},
  };
  let error = null;
  let output;
  try {
    output = (await runner.execute(task)).output ?? {};
  } catch (e) {
    const failed = steps.find((s) => status.get(s.id) === 'failed');
    // the temporary folder's name is replaced so that regenerating gives the same files
    const message = String(e.message).split(work).join('<workingDirectory>');
    error = failed ? `${failed.id} (${failed.action}): ${message}` : message;
    output = {};
    if (runner.lastContext) {
      output = runner.render(template.spec.output ?? {}, runner.lastContext, runner.lastRenderer) ?? {};
      for (const key of ['links', 'text']) {
        if (Array.isArray(output[key])) output[key] = helper.filterConditionalItems(output[key]);
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const report = steps.map((s) => ({ id: s.id, action: s.action, status: status.get(s.id) ?? 'skipped' }));
  return { steps: report, error, files, output: JSON.parse(JSON.stringify(output ?? {})) };
}

if (require.main === module) {
  base.main(run).catch((e) => {
    process.stderr.write(`${e.stack}\n`);
    process.exitCode = 1;
  });
}

module.exports = { run };
