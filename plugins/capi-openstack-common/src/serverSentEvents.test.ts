/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import { createServerSentEventParser } from './serverSentEvents';

describe('createServerSentEventParser', () => {
  it('assembles events split across chunks and drops pings', () => {
    const parse = createServerSentEventParser();
    expect(parse('event: changes\nda')).toEqual([]);
    expect(parse('ta: {"a":1}\n\n: ping\n\nevent: snap')).toEqual([{ event: 'changes', data: '{"a":1}' }]);
    expect(parse('shot\r\ndata: x\r\ndata: y\r\n\r\n')).toEqual([{ event: 'snapshot', data: 'x\ny' }]);
  });

  it('names events without an event field "message"', () => {
    expect(createServerSentEventParser()('data: hi\n\n')).toEqual([{ event: 'message', data: 'hi' }]);
  });
});
