import { FieldProblem, InvalidInput } from './errors';
import { textCharacterProblem } from './text';

/**
 * Collects every problem with an input before refusing it, so that a form can show all of
 * them at once. Rules read top to bottom like the form they guard:
 *
 *   check(input).text('name', { min: 2, max: 120 }).oneOf('kind', OrganizationKinds).done();
 */
export class Checker<T extends object> {
  private readonly problems: FieldProblem[] = [];

  constructor(
    private readonly input: T,
    private readonly prefix = '',
  ) {}

  private value(field: keyof T & string): unknown {
    return this.input[field];
  }

  problem(field: string, message: string, code?: FieldProblem['code']): this {
    this.problems.push({ field: this.prefix + field, message, ...(code ? { code } : {}) });
    return this;
  }

  /**
   * A string field: trimmed length within bounds, and no control or bidirectional-override
   * character (tabs and line breaks only where `multiline`); `optional` accepts null or undefined.
   */
  text(
    field: keyof T & string,
    opts: { min?: number; max: number; optional?: boolean; pattern?: RegExp; hint?: string; multiline?: boolean },
  ): this {
    const v = this.value(field);
    if (v === undefined || v === null) {
      return opts.optional ? this : this.problem(field, 'is required');
    }
    if (typeof v !== 'string') return this.problem(field, 'must be a string');
    const len = [...v.trim()].length;
    const min = opts.min ?? 1;
    if (len < min) return this.problem(field, min === 1 ? 'must not be blank' : `must be at least ${min} characters`);
    if (len > opts.max) return this.problem(field, `must be at most ${opts.max} characters`);
    const characters = textCharacterProblem(v, { multiline: opts.multiline });
    if (characters) return this.problem(field, characters);
    if (opts.pattern && !opts.pattern.test(v)) return this.problem(field, opts.hint ?? 'has an invalid format');
    return this;
  }

  int(field: keyof T & string, opts: { min: number; max: number; optional?: boolean }): this {
    const v = this.value(field);
    if (v === undefined || v === null) return opts.optional ? this : this.problem(field, 'is required');
    if (typeof v !== 'number' || !Number.isInteger(v)) return this.problem(field, 'must be an integer');
    if (v < opts.min || v > opts.max) return this.problem(field, `must be between ${opts.min} and ${opts.max}`);
    return this;
  }

  /** A number field: finite and within bounds (Infinity and NaN are refused, never stored). */
  number(field: keyof T & string, opts: { min: number; max: number; optional?: boolean }): this {
    const v = this.value(field);
    if (v === undefined || v === null) return opts.optional ? this : this.problem(field, 'is required');
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.problem(field, 'must be a finite number');
    if (v < opts.min || v > opts.max) return this.problem(field, `must be between ${opts.min} and ${opts.max}`);
    return this;
  }

  /** Every item of a list of strings, by the rules of `text`; each problem names the item (`keywords[2]`). */
  texts(field: keyof T & string, opts: { max: number; optional?: boolean; pattern?: RegExp; hint?: string }): this {
    const v = this.value(field);
    if (v === undefined || v === null) return opts.optional ? this : this.problem(field, 'is required');
    if (!Array.isArray(v)) return this.problem(field, 'must be a list');
    v.forEach((item, i) => {
      const single = new Checker({ item }).text('item', opts);
      for (const p of single.problems) this.problem(`${field}[${i}]`, p.message);
    });
    return this;
  }

  oneOf(field: keyof T & string, allowed: readonly string[], opts: { optional?: boolean } = {}): this {
    const v = this.value(field);
    if (v === undefined || v === null) return opts.optional ? this : this.problem(field, 'is required');
    if (typeof v !== 'string' || !allowed.includes(v)) return this.problem(field, `must be one of ${allowed.join(', ')}`);
    return this;
  }

  /** A custom rule: `test` returns a message when the value is wrong, or null. */
  /** A field judged by `test`: its problem as a message, or a message with a precise code. */
  rule(
    field: keyof T & string,
    test: (value: unknown) => string | Omit<FieldProblem, 'field'> | null,
    opts: { optional?: boolean } = {},
  ): this {
    const v = this.value(field);
    if ((v === undefined || v === null) && opts.optional) return this;
    const found = test(v);
    if (!found) return this;
    return typeof found === 'string' ? this.problem(field, found) : this.problem(field, found.message, found.code);
  }

  /** Throws InvalidInput listing every problem found, if any. */
  done(): T {
    if (this.problems.length > 0) throw new InvalidInput(this.problems);
    return this.input;
  }
}

export const check = <T extends object>(input: T, prefix = ''): Checker<T> => new Checker(input, prefix);
