/**
 * What is wrong between two catalogues: a key only one has, a message that does not parse
 * as ICU, or a pair that does not take the same arguments (names and kinds: `{n, number}`,
 * `{kind, select, ...}` with the same cases, `<code>` tags). A translation may reword
 * anything else, and may have other plural cases (Chinese has only `other`). Used by the
 * catalogue test (and nothing the page loads: the parser stays out of the bundle).
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

type Messages = Readonly<Record<string, string>>;

/** "name:kind" for every argument and tag, with a select's cases ("verdict:select[blurry,nonsense,other]"). */
function argumentsOf(elements: readonly MessageFormatElement[], into: Set<string> = new Set()): Set<string> {
  for (const el of elements) {
    switch (el.type) {
      case TYPE.argument:
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        into.add(`${el.value}:${TYPE[el.type]}`);
        break;
      case TYPE.select:
        into.add(`${el.value}:select[${Object.keys(el.options).sort().join(',')}]`);
        for (const option of Object.values(el.options)) argumentsOf(option.value, into);
        break;
      case TYPE.plural:
        into.add(`${el.value}:plural`);
        for (const option of Object.values(el.options)) argumentsOf(option.value, into);
        break;
      case TYPE.tag:
        into.add(`<${el.value}>:tag`);
        argumentsOf(el.children, into);
        break;
      default:
        break;
    }
  }
  return into;
}

function parsed(name: string, key: string, message: string, problems: string[]): Set<string> | null {
  try {
    return argumentsOf(parse(message));
  } catch (err) {
    problems.push(`${name} ${key}: not an ICU message (${err instanceof Error ? err.message : String(err)})`);
    return null;
  }
}

export function catalogueProblems(a: Messages, b: Messages, names: readonly [string, string] = ['en', 'zh']): string[] {
  const problems: string[] = [];
  const [nameA, nameB] = names;
  for (const key of Object.keys(a)) if (!(key in b)) problems.push(`${nameB} has no ${key}`);
  for (const key of Object.keys(b)) if (!(key in a)) problems.push(`${nameA} has no ${key}`);
  for (const key of Object.keys(a)) {
    if (!(key in b)) continue;
    const [argsA, argsB] = [parsed(nameA, key, a[key], problems), parsed(nameB, key, b[key], problems)];
    if (!argsA || !argsB) continue;
    const onlyA = [...argsA].filter((x) => !argsB.has(x));
    const onlyB = [...argsB].filter((x) => !argsA.has(x));
    if (onlyA.length > 0 || onlyB.length > 0) {
      problems.push(`${key}: ${nameA} takes [${onlyA.join(', ')}] and ${nameB} [${onlyB.join(', ')}] that the other does not`);
    }
  }
  return problems;
}
