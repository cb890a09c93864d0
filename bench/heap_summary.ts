import { readFile } from 'node:fs/promises'

/**
 * What a V8 heap snapshot holds, by constructor (or, for strings, closures and arrays,
 * by node type): the soak compares the first minute's with the last one's to name what
 * grew. Reads the .heapsnapshot JSON that v8.writeHeapSnapshot() writes.
 */
export async function heapByConstructor(path: string): Promise<Map<string, { count: number; bytes: number }>> {
  const snapshot = JSON.parse(await readFile(path, 'utf8'))
  const fields: string[] = snapshot.snapshot.meta.node_fields
  const types: string[] = snapshot.snapshot.meta.node_types[0]
  const [type, name, size] = ['type', 'name', 'self_size'].map((field) => fields.indexOf(field))
  const nodes: number[] = snapshot.nodes
  const strings: string[] = snapshot.strings
  const totals = new Map<string, { count: number; bytes: number }>()
  for (let i = 0; i < nodes.length; i += fields.length) {
    const kind = types[nodes[i + type]]
    const key = kind === 'object' || kind === 'native' ? strings[nodes[i + name]] : `(${kind})`
    const total = totals.get(key) ?? { count: 0, bytes: 0 }
    total.count++
    total.bytes += nodes[i + size]
    totals.set(key, total)
  }
  return totals
}

/** The constructors that grew most between two snapshots, in bytes. */
export async function heapGrowth(before: string, after: string, top = 15) {
  const [first, last] = [await heapByConstructor(before), await heapByConstructor(after)]
  return [...last.entries()]
    .map(([key, end]) => {
      const start = first.get(key) ?? { count: 0, bytes: 0 }
      return { constructor: key, 'KB grown': Math.round((end.bytes - start.bytes) / 1024), 'count grown': end.count - start.count, 'KB at end': Math.round(end.bytes / 1024) }
    })
    .sort((a, b) => b['KB grown'] - a['KB grown'])
    .slice(0, top)
}
