#!/usr/bin/env node
'use strict';
/**
 * Expected results of Number.prototype.toFixed, toExponential, toPrecision and toString(radix) as node's V8
 * computes them, for the values and arguments below; written to
 * scaffolder/src/test/resources/js-number-format.json and compared by JsNumbersTest.
 *
 * Usage: node tools/oracle/js-numbers/number-format.js
 */
const fs = require('node:fs');
const path = require('node:path');

const values = [0, -0, 1, -1, 0.1, 0.5, 1.005, 1.45, 1.255, 2.5, -2.5, 8.345, 0.045, 99.995, 123.456, -1234.5678,
  0.000001234, 1e-7, -1e-7, 1e-10, 255, 1 / 3, 2 / 3, 1e15, 123456789012345680000, 1e21, 1.5e21, -1e21,
  12345678901234567890, 2 ** 53, 2 ** 53 + 2, 2 ** 60, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
  0.1 + 0.2, 4.35, 1.0000000000000002, 9.999999999999999e22, 0.000123, 35, 36.5, -0.0005, 1234.5, 999.9999,
  NaN, Infinity, -Infinity];
const digitArgs = [undefined, 0, 1, 2, 3, 5, 10, 17, 20, 50, 100];
const precisionArgs = [undefined, 1, 2, 3, 5, 8, 16, 17, 21, 50, 100];
const radixArgs = [undefined, 2, 3, 7, 8, 10, 16, 32, 36];

const cases = [];
const text = (v) => (Object.is(v, -0) ? '-0' : String(v));
for (const v of values) {
  for (const d of digitArgs) {
    cases.push({ value: text(v), method: 'toFixed', arg: d ?? null, result: d === undefined ? v.toFixed() : v.toFixed(d) });
    cases.push({ value: text(v), method: 'toExponential', arg: d ?? null,
      result: d === undefined ? v.toExponential() : v.toExponential(d) });
  }
  for (const p of precisionArgs) {
    cases.push({ value: text(v), method: 'toPrecision', arg: p ?? null,
      result: p === undefined ? v.toPrecision() : v.toPrecision(p) });
  }
  for (const r of radixArgs) {
    cases.push({ value: text(v), method: 'toString', arg: r ?? null, result: r === undefined ? v.toString() : v.toString(r) });
  }
}
const out = path.resolve(__dirname, '..', '..', '..', 'scaffolder', 'src', 'test', 'resources', 'js-number-format.json');
fs.writeFileSync(out, `${JSON.stringify({ node: process.version, cases }, null, 1)}\n`);
process.stdout.write(`${cases.length} cases\n`);
