import { waitFor } from './wait-for';

export interface StreamEvent {
  event: string;
  data: unknown;
}

/** A server-sent event stream read as the page reads it: every event, in order, parsed. */
export class EventStream {
  readonly events: StreamEvent[] = [];
  private readonly aborter = new AbortController();
  private reading?: Promise<void>;

  static async open(url: string): Promise<EventStream> {
    const stream = new EventStream();
    const response = await fetch(url, { signal: stream.aborter.signal });
    if (!response.ok || !response.body) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
    stream.reading = stream.read(response.body);
    return stream;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffered = '';
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buffered += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffered.indexOf('\n\n')) !== -1) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data !== undefined) this.events.push({ event, data: JSON.parse(data) });
        }
      }
    } catch (error) {
      if (!this.aborter.signal.aborted) throw error;
    }
  }

  /** The first event from `from` on that matches, once it has arrived. */
  async next<T>(what: string, match: (event: StreamEvent) => boolean, from = 0): Promise<T> {
    await waitFor(what, () => this.events.slice(from).some(match));
    return this.events.slice(from).find(match)!.data as T;
  }

  close(): Promise<void> {
    this.aborter.abort();
    return this.reading ?? Promise.resolve();
  }
}
