/**
 * Regular-expression audit: finds every regex literal and `new RegExp("literal")` in src/ with
 * the TypeScript parser, then runs each on adversarial strings (short ones that expose
 * exponential backtracking, long ones that expose quadratic scans: runs of letters,
 * capitalised words, digits, dots, dashes, quotes, spaces, markup, each followed by a
 * character that makes the match fail late) and lists the slowest. Used to review the code
 * for catastrophic backtracking (docs/limits.md); test/redos.test.ts keeps the findings fixed.
 *
 *   npm run audit:regex            # prints every regex slower than 20 ms on some input
 *   AUDIT_LONG=50000 npm run audit:regex
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import ts from 'typescript';

export interface FoundRegex {
  file: string;
  line: number;
  source: string;
  flags: string;
}

/** Every regex literal (and RegExp built from a string literal) in the .ts files under `dir`. */
export function findRegexes(dir: string): FoundRegex[] {
  const out: FoundRegex[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts')) scan(full);
    }
  };
  const scan = (file: string) => {
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const lit = (node as ts.RegularExpressionLiteral).text;
        const cut = lit.lastIndexOf('/');
        out.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, source: lit.slice(1, cut), flags: lit.slice(cut + 1) });
      } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp' && node.arguments?.length) {
        const [pattern, flags] = node.arguments;
        if (ts.isStringLiteral(pattern) || ts.isNoSubstitutionTemplateLiteral(pattern)) {
          out.push({
            file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, source: pattern.text,
            flags: flags && (ts.isStringLiteral(flags) || ts.isNoSubstitutionTemplateLiteral(flags)) ? flags.text : '',
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  };
  walk(dir);
  return out;
}

/** Repeated units that drive typical backtracking, and the tails that make a match fail late. */
const UNITS = ['a', 'A', 'Aa ', 'aa ', ' ', '  \n', '.', '. ', '-', '—', '"', '“', "'", '1', '1,', '1.', 'a.', 'A.', '<a ', '<', '&', '=', '/', 'a-', 'Mr. ', 'on ', 'a\n', '\t', '"a', ', '];
const TAILS = ['', '!', '\u0000', '<', '"'];

export function adversarialInputs(long: number): string[] {
  const inputs: string[] = [];
  for (const u of UNITS) {
    for (const t of TAILS) {
      inputs.push(u.repeat(Math.ceil(32 / u.length)) + t);
      inputs.push(u.repeat(Math.ceil(long / u.length)) + t);
    }
  }
  return inputs;
}

/** Milliseconds of the slowest adversarial input for one regex (exec until no more matches for /g). */
export function worstCase(re: RegExp, inputs: string[]): { ms: number; input: string } {
  let worst = { ms: 0, input: '' };
  for (const s of inputs) {
    const r = new RegExp(re.source, re.flags);
    const t = performance.now();
    if (r.global || r.sticky) {
      r.lastIndex = 0;
      for (let i = 0; i < 1e6 && r.exec(s); i++) if (r.lastIndex === 0) break;
    } else r.exec(s);
    const ms = performance.now() - t;
    if (ms > worst.ms) worst = { ms, input: s };
  }
  return worst;
}

/** Audit in a worker thread, one regex after another; a regex still running after `budgetMs` is stopped and reported. */
async function audit(found: FoundRegex[], long: number, threshold: number, budgetMs: number): Promise<Array<FoundRegex & { ms: number; input: string }>> {
  const slow: Array<FoundRegex & { ms: number; input: string }> = [];
  let next = 0;
  while (next < found.length) {
    const worker = new Worker(new URL(import.meta.url), { workerData: { found: found.slice(next), long } });
    await new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout | null = null;
      const arm = () => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          const f = found[next];
          slow.push({ ...f, ms: Infinity, input: '(stopped)' });
          console.log(`  STOPPED after ${budgetMs} ms: ${relative(process.cwd(), f.file)}:${f.line} /${f.source.slice(0, 100)}/${f.flags}`);
          next++;
          void worker.terminate().then(() => resolve());
        }, budgetMs);
      };
      arm();
      worker.on('message', (m: { ms: number; input: string } | null) => {
        const f = found[next];
        if (m && m.ms > threshold) {
          slow.push({ ...f, ...m });
          console.log(`  ${m.ms.toFixed(0).padStart(6)} ms: ${relative(process.cwd(), f.file)}:${f.line} /${f.source.slice(0, 100)}/${f.flags} on ${JSON.stringify(m.input.slice(0, 8))}… (${m.input.length} chars)`);
        }
        next++;
        arm();
      });
      worker.on('exit', () => {
        if (timer) clearTimeout(timer);
        resolve();
      });
    });
  }
  return slow;
}

if (!isMainThread && workerData) {
  const { found, long } = workerData as { found: FoundRegex[]; long: number };
  const inputs = adversarialInputs(long);
  for (const f of found) {
    let re: RegExp | null = null;
    try {
      re = new RegExp(f.source, f.flags);
    } catch {
      /* built from parts elsewhere */
    }
    parentPort!.postMessage(re ? worstCase(re, inputs) : null);
  }
}

const isMain = isMainThread && import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const root = join(process.cwd(), 'src');
  const long = Number(process.env.AUDIT_LONG ?? 20000);
  const threshold = Number(process.env.AUDIT_MS ?? 20);
  const budget = Number(process.env.AUDIT_BUDGET_MS ?? 5000);
  const found = findRegexes(root);
  console.log(`${found.length} regular expressions in src/; ${adversarialInputs(long).length} adversarial inputs each (long runs of ${long} characters); listing those slower than ${threshold} ms`);
  const slow = await audit(found, long, threshold, budget);
  console.log(`${slow.length} of ${found.length} slower than ${threshold} ms on some input (${slow.filter((s) => s.ms === Infinity).length} stopped after ${budget} ms)`);
}
