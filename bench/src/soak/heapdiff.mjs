// Reads V8 .heapsnapshot files (the JSON of v8.writeHeapSnapshot) and says what a later
// snapshot holds that an earlier one of the same process did not: node ids are stable within
// a process, so "new" means allocated after the earlier snapshot and still alive after GC.
import { readFile } from 'node:fs/promises';

/** Loads a snapshot into flat arrays with the fields it needs. */
export async function loadSnapshot(path) {
  const raw = JSON.parse(await readFile(path, 'utf8'));
  const { node_fields: nf, edge_fields: ef, node_types: nt, edge_types: et } = raw.snapshot.meta;
  const N = nf.length;
  const E = ef.length;
  const nodeTypes = nt[0];
  const edgeTypes = et[0];
  const [iType, iName, iId, iSize, iEdges] = ['type', 'name', 'id', 'self_size', 'edge_count'].map(
    (f) => nf.indexOf(f),
  );
  const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f));
  const count = raw.nodes.length / N;
  const nodes = { type: [], name: [], id: new Float64Array(count), size: new Float64Array(count) };
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0, edge = 0; i < count; i += 1) {
    const at = i * N;
    nodes.type.push(nodeTypes[raw.nodes[at + iType]]);
    nodes.name.push(raw.strings[raw.nodes[at + iName]]);
    nodes.id[i] = raw.nodes[at + iId];
    nodes.size[i] = raw.nodes[at + iSize];
    firstEdge[i] = edge;
    edge += raw.nodes[at + iEdges];
    firstEdge[i + 1] = edge;
  }
  // Reverse edges (retainers), skipping weak ones.
  const retainers = Array.from({ length: count }, () => []);
  for (let i = 0; i < count; i += 1) {
    for (let e = firstEdge[i]; e < firstEdge[i + 1]; e += 1) {
      const type = edgeTypes[raw.edges[e * E + eType]];
      if (type === 'weak') continue;
      const to = raw.edges[e * E + eTo] / N;
      const nameOrIndex = raw.edges[e * E + eName];
      const label =
        type === 'element' || type === 'hidden' ? `[${nameOrIndex}]` : raw.strings[nameOrIndex];
      retainers[to].push({ from: i, label, type });
    }
  }
  return { nodes, retainers, count };
}

/** A node's group: constructor name for objects, the V8 type otherwise. */
function group(nodes, i) {
  const type = nodes.type[i];
  if (type === 'object' || type === 'closure' || type === 'native')
    return `${type} ${nodes.name[i]}`;
  return type === 'hidden' || type === 'code' ? `${type} ${nodes.name[i].slice(0, 40)}` : type;
}

/** Ids of every node in a snapshot. */
export const idsOf = (snapshot) => new Set(snapshot.nodes.id);

/** Total self size of a snapshot. */
export function totalSize(snapshot) {
  let total = 0;
  for (const size of snapshot.nodes.size) total += size;
  return total;
}

/**
 * Nodes of `later` whose ids are not in `earlierIds`, grouped: count, bytes, and the groups
 * (and edge names) of their immediate retainers.
 */
export function newSince(earlierIds, later) {
  const { nodes, retainers, count } = later;
  const groups = new Map();
  for (let i = 0; i < count; i += 1) {
    if (earlierIds.has(nodes.id[i])) continue;
    const key = group(nodes, i);
    let g = groups.get(key);
    if (g === undefined)
      groups.set(key, (g = { key, count: 0, bytes: 0, by: new Map(), sample: i }));
    g.count += 1;
    g.bytes += nodes.size[i];
    for (const { from, label } of retainers[i].slice(0, 1)) {
      const by = `${group(nodes, from)} .${label}`;
      g.by.set(by, (g.by.get(by) ?? 0) + 1);
    }
  }
  return [...groups.values()].sort((a, b) => b.bytes - a.bytes);
}

/** One retaining path from node `i` up towards a GC root, as text (bounded). */
export function retainingPath(snapshot, i, depth = 12) {
  const { nodes, retainers } = snapshot;
  const seen = new Set([i]);
  const steps = [group(nodes, i)];
  for (let d = 0; d < depth; d += 1) {
    const next = retainers[i].find(({ from }) => !seen.has(from));
    if (next === undefined) break;
    i = next.from;
    seen.add(i);
    steps.push(
      `.${next.label} ← ${group(nodes, i)}${nodes.name[i] && nodes.type[i] === 'string' ? '' : ''}`,
    );
    if (nodes.type[i] === 'synthetic') break;
  }
  return steps.join(' ');
}
