/** Topics are shared vocabulary, identified by their name so every source meets on the same node. */
export function topicId(name: string): string {
  return `topic:${name.trim()}`;
}
