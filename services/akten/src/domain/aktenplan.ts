// Rules of the Aktenplan as plain functions.

/** Compares Kennzeichen segment by segment, numerically where both segments are numbers: 2 < 10. */
export function vergleicheKennzeichen(a: string, b: string): number {
  const as = a.split('.');
  const bs = b.split('.');
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const x = as[i]!;
    const y = bs[i]!;
    if (x === y) continue;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny) && nx !== ny) return nx - ny;
    return x < y ? -1 : 1;
  }
  return as.length - bs.length;
}

export interface Baumknoten {
  id: string;
  parentId: string | null;
  kennzeichen: string;
}

/**
 * Orders units depth-first (parents before children, siblings by Kennzeichen) and gives each
 * its depth. Units whose parent is missing are treated as roots rather than dropped.
 */
export function inBaumordnung<T extends Baumknoten>(einheiten: T[]): (T & { ebene: number })[] {
  const ids = new Set(einheiten.map((e) => e.id));
  const kinder = new Map<string | null, T[]>();
  for (const e of einheiten) {
    const parent = e.parentId && ids.has(e.parentId) ? e.parentId : null;
    const list = kinder.get(parent) ?? [];
    list.push(e);
    kinder.set(parent, list);
  }
  for (const list of kinder.values()) list.sort((a, b) => vergleicheKennzeichen(a.kennzeichen, b.kennzeichen));
  const out: (T & { ebene: number })[] = [];
  const stack: { node: T; ebene: number }[] = (kinder.get(null) ?? []).map((node) => ({ node, ebene: 1 })).reverse();
  while (stack.length > 0) {
    const { node, ebene } = stack.pop()!;
    out.push({ ...node, ebene });
    const children = kinder.get(node.id) ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, ebene: ebene + 1 });
  }
  return out;
}
