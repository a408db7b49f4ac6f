/**
 * Answers remembered by key, up to a limit; past it the memory starts afresh. For work asked again
 * and again with the same few keys (field names, senders, the texts of a campaign): a burst of new
 * keys costs a recount, never unbounded memory.
 */
export class Remembered<K, V> {
  private readonly answers = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K, compute: (key: K) => V): V {
    if (this.answers.has(key)) return this.answers.get(key) as V;
    const answer = compute(key);
    if (this.answers.size >= this.limit) this.answers.clear();
    this.answers.set(key, answer);
    return answer;
  }
}
