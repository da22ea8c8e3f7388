// Writes what JavaScript's Number methods return for a seeded set of numbers and arguments, as the
// expected results of the scaffolder's number-method tests:
//   node tools/oracle/js-numbers/generate.js > scaffolder/src/test/resources/js-numbers.json
'use strict';

let seed = 20261124;
function random() {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}

const fixed = [0, -0, 1, -1, 0.5, 1.5, 2.5, -2.5, 1.005, 1.045, 0.000001, 1e-7, 123.456, 1234.5678, 0.1, 0.2, 0.3,
  1 / 3, 2 / 3, Math.PI, Math.E, 1e21, 1e20, 123456789012345680000, 9007199254740993, 2 ** 53, 2 ** 60, 2 ** 70,
  5e-324, 1.7976931348623157e308, 255, 0.0625, 1e-10, 99.995, 0.045, 8.345, NaN, Infinity, -Infinity];
const numbers = fixed.slice();
for (let i = 0; i < 120; i++) {
  const magnitude = Math.floor(random() * 40) - 20;
  const sign = random() < 0.3 ? -1 : 1;
  numbers.push(sign * random() * 10 ** magnitude);
}
for (let i = 0; i < 20; i++) numbers.push(Math.floor(random() * 1e6) / 100);

function spell(x) {
  if (Object.is(x, -0)) return '-0';
  return String(x);
}

const cases = [];
for (const x of numbers) {
  for (const d of [undefined, 0, 1, 2, 3, 5, 10, 20]) cases.push([spell(x), 'toFixed', d, x.toFixed(d)]);
  for (const p of [undefined, 1, 2, 3, 4, 6, 10, 17, 21]) cases.push([spell(x), 'toPrecision', p, x.toPrecision(p)]);
  for (const f of [undefined, 0, 1, 2, 5, 10, 20]) cases.push([spell(x), 'toExponential', f, x.toExponential(f)]);
  for (const r of [undefined, 2, 3, 8, 16, 36]) cases.push([spell(x), 'toString', r, x.toString(r)]);
}
process.stdout.write(JSON.stringify(cases.map(([x, method, arg, out]) => ({ x, method, arg: arg === undefined ? null : arg, out })), null, 0)
  .replace(/\},\{/g, '},\n{') + '\n');
