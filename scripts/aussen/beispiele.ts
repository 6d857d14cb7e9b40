// The shell examples of the documentation: curl blocks taken from Markdown, expected statuses marked.
export interface Block {
  zeile: number;
  text: string;
}

/**
 * The shell blocks of a Markdown text that call curl, and those that only set variables for them (`API=…`,
 * `export TOKEN=$(…)`), indentation of list items removed. Other blocks (`pnpm test`, …) are not run.
 */
export function curlBloecke(markdown: string): Block[] {
  const zeilen = markdown.split('\n');
  const bloecke: Block[] = [];
  for (let i = 0; i < zeilen.length; i++) {
    const auf = /^(\s*)```(bash|sh|shell)\s*$/.exec(zeilen[i]!);
    if (!auf) continue;
    const einzug = auf[1]!.length;
    const inhalt: string[] = [];
    let j = i + 1;
    for (; j < zeilen.length && !/^\s*```\s*$/.test(zeilen[j]!); j++) inhalt.push(zeilen[j]!.slice(Math.min(einzug, zeilen[j]!.search(/\S|$/))));
    const text = inhalt.join('\n');
    const nurVariablen = inhalt.some((z) => z.trim()) && inhalt.every((z) => !z.trim() || /^\s*#/.test(z) || /^\s*(export\s+)?[A-Za-z_][A-Za-z0-9_]*=/.test(z));
    if (/(^|[\s($|])curl\s/m.test(text) || nurVariablen) bloecke.push({ zeile: i + 2, text });
    i = j;
  }
  return bloecke;
}

/** `# → 409 [CODE]` after a command: BEISPIEL_ERWARTET (and BEISPIEL_CODE) set for exactly that command, with its continuation lines. */
export function mitErwartetemStatus(text: string): string {
  const zeilen = text.split('\n');
  const aus: string[] = [];
  for (let i = 0; i < zeilen.length; i++) {
    const m = /#\s*→\s*(\d{3})\b(?:\s+([A-Z][A-Z_]+)\b)?/.exec(zeilen[i]!);
    if (!m) {
      aus.push(zeilen[i]!);
      continue;
    }
    // the command starts where the previous line no longer continues it
    let anfang = aus.length;
    while (anfang > 0 && /\\\s*$/.test(aus[anfang - 1]!)) anfang--;
    aus.splice(anfang, 0, `export BEISPIEL_ERWARTET=${m[1]} BEISPIEL_CODE=${m[2] ?? ''}`);
    aus.push(zeilen[i]!, 'unset BEISPIEL_ERWARTET BEISPIEL_CODE');
  }
  return aus.join('\n');
}

/**
 * Curl commands in a Markdown text that the examples test would not run: a `curl …` line in a fenced block
 * of another language (or none), or commented out in a shell block. Each must become a shell block of its own.
 */
export function nichtAusgefuehrteCurls(markdown: string): Block[] {
  const zeilen = markdown.split('\n');
  const funde: Block[] = [];
  for (let i = 0; i < zeilen.length; i++) {
    const auf = /^\s*```\s*([\w-]*)/.exec(zeilen[i]!);
    if (!auf) continue;
    const shell = /^(bash|sh|shell)$/.test(auf[1]!);
    let j = i + 1;
    for (; j < zeilen.length && !/^\s*```\s*$/.test(zeilen[j]!); j++) {
      const z = zeilen[j]!;
      const befehl = shell ? /^\s*#+\s*curl\s/.test(z) : /^\s*(\$\s+)?curl\s/.test(z);
      if (befehl) funde.push({ zeile: j + 1, text: z.trim() });
    }
    i = j;
  }
  return funde;
}
