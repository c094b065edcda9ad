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
  const width = 640;
  const height = nodes.length > 8 ? 460 : 380;
  const cx = width / 2;
  const cy = height / 2;
  const radius = Math.min(cx, cy) - 60;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'graph', role: 'img', 'aria-label': `relations of ${name}`, 'data-testid': 'relation-graph' });
  const edges = svg('g', { class: 'edges' });
  const labels = svg('g', { class: 'edge-labels' });
  const circles = svg('g', { class: 'nodes' });
  nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(nodes.length, 1) - Math.PI / 2;
    const x = cx + radius * Math.cos(angle);
    const y = cy + radius * Math.sin(angle);
    edges.append(svg('line', { x1: cx, y1: cy, x2: x, y2: y }));
    // labels sit nearer the outer node, so they do not pile up in the middle
    labels.append(svg('text', { x: cx + (x - cx) * 0.62, y: cy + (y - cy) * 0.62 - 4, 'text-anchor': 'middle', class: 'edge-label' }, n.labels.join(', ')));
    const node = svg('g', { class: `node t-${n.type}` },
      svg('circle', { cx: x, cy: y, r: 9 }),
      svg('text', { x, y: y + (y >= cy ? 24 : -15), 'text-anchor': 'middle' }, n.name));
    if (n.id !== null) {
      const a = svg('a', { href: `#/entity/${n.id}` }, node);
      circles.append(a);
    } else circles.append(node);
  });
  circles.append(svg('g', { class: 'node centre' }, svg('circle', { cx, cy, r: 14 }), svg('text', { x: cx, y: cy + 32, 'text-anchor': 'middle' }, name)));
  root.append(edges, labels, circles);
  return root;
}
