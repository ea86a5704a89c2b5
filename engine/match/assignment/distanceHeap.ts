/**
 * A binary min-heap of (distance, node) for Dijkstra. Lazy: a node is pushed again when its distance
 * drops and the stale entry is skipped by the caller, which is cheaper than decrease-key in practice.
 */
export class DistanceHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  private size = 0;

  constructor(initialCapacity: number) {
    this.keys = new Float64Array(Math.max(16, initialCapacity));
    this.nodes = new Int32Array(this.keys.length);
  }

  clear(): void {
    this.size = 0;
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) this.grow();
    const { keys, nodes } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[i] = keys[parent];
      nodes[i] = nodes[parent];
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  /** Removes the entry with the smallest distance and returns its node. The heap must not be empty. */
  pop(): number {
    const { keys, nodes } = this;
    const top = nodes[0];
    const last = --this.size;
    const key = keys[last];
    const node = nodes[last];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && keys[child + 1] < keys[child]) child++;
      if (keys[child] >= key) break;
      keys[i] = keys[child];
      nodes[i] = nodes[child];
      i = child;
    }
    keys[i] = key;
    nodes[i] = node;
    return top;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const nodes = new Int32Array(keys.length);
    keys.set(this.keys);
    nodes.set(this.nodes);
    this.keys = keys;
    this.nodes = nodes;
  }
}
