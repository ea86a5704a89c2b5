/** PASS/FAIL lines as the drills go, and the tally at the end. */
export class Outcome {
  passed = 0;
  failed = 0;
  readonly lines: { ok: boolean; drill: string; check: string; detail: string }[] = [];

  check(drill: string, check: string, ok: boolean, detail = ''): boolean {
    if (ok) this.passed++;
    else this.failed++;
    this.lines.push({ ok, drill, check, detail });
    console.log(`${ok ? 'PASS' : 'FAIL'} [${drill}] ${check}${detail ? ` — ${detail}` : ''}`);
    return ok;
  }

  info(drill: string, text: string): void {
    console.log(`     [${drill}] ${text}`);
  }

  summary(): string {
    return `${this.passed} passed, ${this.failed} failed`;
  }
}
