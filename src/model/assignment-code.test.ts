import { describe, expect, it } from 'vitest';
import { assignmentCode, codeText, type AssignmentCode } from './assignment-code';
import { planResNet50 } from './plan';
import { presetConfig } from './presets';
import type { LayerKind } from './layer-info';

/**
 * A small interpreter for the listing's Python, written for this test alone: it runs
 * `ResNet50(...)` line by line, calling into the two block functions' bodies with the call's
 * arguments, and records every layer it makes with its settings and the layers it reads.
 * Shapes are propagated the Keras way, so the parameter total is counted from the code,
 * not from our summary.
 */
interface Made {
  readonly kind: LayerKind;
  readonly name: string | null;
  readonly inputs: readonly number[];
  readonly settings: Readonly<Record<string, number | string>>;
  readonly params: number;
}

type Shape = readonly [number, number, number];
interface Value { readonly id: number; readonly shape: Shape }
type Scope = Map<string, number | string | number[]>;

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`no ${what}`);
  return value;
}

function functionBody(code: AssignmentCode, name: string): string[] {
  const start = must(code.functions.find((f) => f.name === name), `function ${name}`);
  const lines: string[] = [];
  for (const line of code.lines.slice(start.line + 1).map((l) => l.text)) {
    if (line.startsWith('def ')) break;
    if (line.trim() && !line.trim().startsWith('#')) lines.push(line.trim());
  }
  return lines;
}

function evalExpr(expr: string, scope: Scope): number | string | number[] {
  const e = expr.trim();
  if (/^\d+$/.test(e)) return Number(e);
  if (/^'[^']*'$/.test(e)) return e.slice(1, -1);
  if (/^\[[\d, ]+\]$/.test(e)) return e.slice(1, -1).split(',').map(Number);
  const pairMatch = /^\((\w+), \1\)$/.exec(e);
  if (pairMatch) return evalExpr(pairMatch[1], scope);
  const str = /^str\((\w+)\)$/.exec(e);
  if (str) return String(scope.get(str[1]));
  if (e.includes(' + ')) return e.split(' + ').map((p) => String(evalExpr(p, scope))).join('');
  if (scope.has(e)) return must(scope.get(e), e);
  throw new Error(`cannot evaluate ${e}`);
}

/** Splits `a, b=(1, 1), c='x'` at top-level commas. */
function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if ('([' .includes(ch)) depth += 1;
    if (')]'.includes(ch)) depth -= 1;
    if (ch === ',' && depth === 0) { out.push(current.trim()); current = ''; } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

class Interpreter {
  readonly made: Made[] = [];
  constructor(private readonly code: AssignmentCode) {}

  private layer(call: string, args: string[], inputs: Value[], scope: Scope): Value {
    const kw = new Map(args.filter((a) => a.includes('=')).map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
    const pos = args.filter((a) => !a.includes('=') || a.startsWith('('));
    const v = (key: string, at: number) => evalExpr(kw.get(key) ?? pos[at], scope) as number;
    const nameExpr = kw.get('name');
    const name = nameExpr === undefined ? null : String(evalExpr(nameExpr, scope));
    const [h, w, c] = inputs[0].shape;
    let shape: Shape = [h, w, c];
    let params = 0;
    let kind: LayerKind;
    const settings: Record<string, number | string> = {};
    switch (call) {
      case 'ZeroPadding2D': { kind = 'zero-padding'; const p = v('padding', 0); settings.padding = p; shape = [h + 2 * p, w + 2 * p, c]; break; }
      case 'Conv2D': {
        kind = 'conv';
        const f = v('filters', 0); const k = v('kernel_size', 1); const s = v('strides', 2);
        const paddingExpr = kw.get('padding');
        const padding = paddingExpr === undefined ? 'valid' : String(evalExpr(paddingExpr, scope));
        Object.assign(settings, { filters: f, kernel: k, stride: s, padding });
        const out = (n: number) => (padding === 'same' ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1);
        shape = [out(h), out(w), f];
        params = k * k * c * f + f;
        break;
      }
      case 'BatchNormalization': kind = 'batch-norm'; params = 4 * c; break;
      case 'Activation': kind = 'relu'; break;
      case 'MaxPooling2D':
      case 'AveragePooling2D': {
        kind = call === 'MaxPooling2D' ? 'max-pool' : 'avg-pool';
        const k = v('pool_size', 0); const s = kw.has('strides') ? v('strides', 1) : k;
        Object.assign(settings, { poolSize: k, stride: s });
        shape = [Math.floor((h - k) / s) + 1, Math.floor((w - k) / s) + 1, c];
        break;
      }
      case 'Add': kind = 'add'; break;
      case 'Flatten': kind = 'flatten'; shape = [1, 1, h * w * c]; break;
      case 'Dense': { kind = 'dense'; const units = v('units', 0); settings.units = units; params = c * units + units; shape = [1, 1, units]; break; }
      default: throw new Error(`unknown layer ${call}`);
    }
    this.made.push({ kind, name, inputs: inputs.map((i) => i.id), settings, params });
    return { id: this.made.length, shape };
  }

  /** Runs a function body; returns the value of `X` at `return` (or of `model`'s outputs). */
  run(name: string, scope: Scope, values: Map<string, Value>): Value {
    const get = (n: string) => must(values.get(n), `value ${n}`);
    for (const line of functionBody(this.code, name)) {
      if (line.startsWith('return')) return get('X');
      const assign = /^(\w+(?:, \w+)*) = (.*)$/.exec(line);
      if (!assign) throw new Error(`cannot run ${line}`);
      const [, target, rhs] = assign;
      if (target === 'F1, F2, F3') { (scope.get('filters') as number[]).forEach((f, i) => scope.set(`F${i + 1}`, f)); continue; }
      if (values.has(rhs)) { values.set(target, get(rhs)); continue; }
      if (rhs.startsWith('Input(')) { values.set(target, { id: 0, shape: scope.get('input_shape') as unknown as Shape }); continue; }
      if (rhs.startsWith('Model(')) continue;
      const applied = /^(\w+)\((.*)\)\((.*)\)$/.exec(rhs);
      if (applied) {
        const [, call, args, input] = applied;
        const inputs = input.replace(/^\[|\]$/g, '').split(', ').map(get);
        values.set(target, this.layer(call, splitArgs(args), inputs, scope));
        continue;
      }
      const block = /^(\w+)\((.*)\)$/.exec(rhs);
      if (block) {
        const [, fn, args] = block;
        const inner: Scope = new Map([['s', 2]]);
        const parts = splitArgs(args);
        ['X', 'f', 'filters', 'stage', 'block', 's'].forEach((p, i) => { if (i > 0 && parts[i] && !parts[i].includes('=')) inner.set(p, evalExpr(parts[i], scope)); });
        for (const a of parts.filter((p) => p.includes('='))) inner.set(a.slice(0, a.indexOf('=')), evalExpr(a.slice(a.indexOf('=') + 1), scope));
        values.set(target, this.run(fn, inner, new Map([['X', get('X')]])));
        continue;
      }
      if (rhs.startsWith("'") || rhs.includes('str(')) { scope.set(target, evalExpr(rhs, scope)); continue; }
      throw new Error(`cannot run ${line}`);
    }
    return get('X');
  }
}

function runResNet50(code: AssignmentCode, inputShape: Shape, classes: number): Made[] {
  const interpreter = new Interpreter(code);
  interpreter.run('ResNet50', new Map<string, number | string | number[]>([['input_shape', [...inputShape]], ['classes', classes]]), new Map());
  return interpreter.made;
}

const CASES = [
  { preset: 'signs', seedLiteral: false, total: 23_600_006 },
  { preset: 'imagenet', seedLiteral: false, total: 25_636_712 },
] as const;

describe('the assignment code, generated from the architecture table', () => {
  for (const { preset, seedLiteral, total } of CASES) {
    it(`runs to the builder's own layer list and ${total.toLocaleString('en')} parameters (${preset})`, () => {
      const config = presetConfig(preset, { seedLiteral });
      const made = runResNet50(assignmentCode(config), config.inputShape, config.classes);
      const planned = planResNet50(config).layers.slice(1); // the code's Input() makes no layer
      expect(made.map((m) => m.kind)).toEqual(planned.map((l) => l.kind));
      // Every layer the code names has the builder's name; the rest are unnamed in both texts.
      made.forEach((m, i) => { if (m.name !== null) expect(m.name).toBe(planned[i].name); });
      expect(made.filter((m) => m.name !== null)).toHaveLength(planned.filter((l) => ['conv', 'batch-norm', 'dense', 'avg-pool'].includes(l.kind)).length);
      // Same wiring: each layer reads the same earlier layers (by position) in both.
      const index = new Map(planResNet50(config).layers.map((l, i) => [l.name, i]));
      made.forEach((m, i) => expect(m.inputs, planned[i].name).toEqual(planned[i].inputs.map((n) => index.get(n))));
      // Same settings where the code states them.
      made.forEach((m, i) => {
        const s = planned[i].settings as unknown as Record<string, unknown>;
        for (const [key, value] of Object.entries(m.settings)) expect(s[key], `${planned[i].name}.${key}`).toBe(value);
      });
      expect(made.reduce((sum, m) => sum + m.params, 0)).toBe(total);
    });
  }

  it('reads the text literally when asked: stage 5 identity blocks get [256, 256, 2048]', () => {
    const text = codeText(assignmentCode(presetConfig('signs', { seedLiteral: true })));
    expect(text).toContain("identity_block(X, f=3, filters=[256, 256, 2048], stage=5, block='b')");
    expect(text).toContain("convolutional_block(X, f=3, filters=[512, 512, 2048], stage=5, block='a', s=2)");
  });

  it('links every line that makes a layer, and no other', () => {
    const code = assignmentCode(presetConfig('imagenet'));
    const linked = code.lines.filter((l) => l.link !== null);
    expect(linked.every((l) => /\)\(|identity_block\(X|convolutional_block\(X/.test(l.text))).toBe(true);
    expect(code.lines.filter((l) => l.link === null && /\)\(X/.test(l.text))).toEqual([]);
    expect(linked.filter((l) => l.link?.kind === 'block')).toHaveLength(16);
    expect(code.functions.map((f) => f.name)).toEqual(['identity_block', 'convolutional_block', 'ResNet50']);
  });
});
