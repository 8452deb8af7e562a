/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/** One server-sent event. @public */
export interface ServerSentEvent {
  event: string;
  data: string;
}

/**
 * Incremental `text/event-stream` parser: feed it chunks as they arrive, it
 * returns the events completed by that chunk (comments such as pings are
 * dropped; an event without a name is `message`). Used by the frontend and
 * the catalog module to read `GET /stream`.
 * @public
 */
export function createServerSentEventParser() {
  let buffer = '';
  return (chunk: string): ServerSentEvent[] => {
    buffer += chunk.replace(/\r\n?/g, '\n');
    const events: ServerSentEvent[] = [];
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (!line || line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let value = colon < 0 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length) events.push({ event, data: data.join('\n') });
      end = buffer.indexOf('\n\n');
    }
    return events;
  };
}
