import { svg } from '../dom.js';
import type { RelationView } from '../api.js';

/**
 * The relation graph: the entity in the middle, each related entity on a circle around it,
 * edges labelled with the relation (mother, ambassador, …). Nodes link to their entity pages.
 */
export function relationGraph(name: string, relations: RelationView[]): SVGElement {
  const others = new Map<string, { id: number | null; name: string; type: string; labels: string[] }>();
  for (const r of relations) {
    const key = r.other.id !== null ? `#${r.other.id}` : r.other.name;
    const label = r.role ? (r.side === 'subject' ? `is ${r.role} of` : r.role) : r.type;
    const o = others.get(key) ?? { ...r.other, labels: [] };
    if (!o.labels.includes(label)) o.labels.push(label);
    others.set(key, o);
  }
  const nodes = [...others.values()].slice(0, 16);
  const width = 720;
  const height = nodes.length > 8 ? 460 : 380;
  const cx = width / 2;
  const cy = height / 2;
  // room for names beside the nodes on the left and right
  const radius = Math.min(cx - 150, cy - 40);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'graph', role: 'img', 'aria-label': `relations of ${name}`, 'data-testid': 'relation-graph' });
  const edges = svg('g', { class: 'edges' });
  const labels = svg('g', { class: 'edge-labels' });
  const circles = svg('g', { class: 'nodes' });
  nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(nodes.length, 1) - Math.PI / 2;
    const x = cx + radius * Math.cos(angle);
    const y = cy + radius * Math.sin(angle);
    edges.append(svg('line', { x1: cx, y1: cy, x2: x, y2: y }));
    // edge labels alternate between two distances from the centre, so neighbours' labels do
    // not meet; a white halo (CSS paint-order) keeps them readable over the lines
    const at = i % 2 === 0 ? 0.5 : 0.72;
    labels.append(svg('text', { x: cx + (x - cx) * at, y: cy + (y - cy) * at - 4, 'text-anchor': 'middle', class: 'edge-label' }, clip(n.labels.join(', '), 30)));
    // a node's name on its outer side: to the right of nodes on the right, left of those on the left
    const cos = Math.cos(angle);
    const side = cos > 0.35 ? 'start' : cos < -0.35 ? 'end' : 'middle';
    const tx = side === 'start' ? x + 14 : side === 'end' ? x - 14 : x;
    const ty = side === 'middle' ? y + (y >= cy ? 24 : -15) : y + 4;
    const node = svg('g', { class: `node t-${n.type}` },
      svg('circle', { cx: x, cy: y, r: 9 }),
      svg('text', { x: tx, y: ty, 'text-anchor': side }, clip(n.name, 26)));
    if (n.id !== null) {
      const a = svg('a', { href: `#/entity/${n.id}` }, node);
      circles.append(a);
    } else circles.append(node);
  });
  // the centre is the entity whose page this is: named on hover, not in text that would sit on the edges
  circles.append(svg('g', { class: 'node centre' }, svg('circle', { cx, cy, r: 14 }, svg('title', {}, name))));
  root.append(edges, labels, circles);
  return root;
}

/** A label cut to `n` characters with an ellipsis; the full text stays in the list below the graph. */
function clip(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}
