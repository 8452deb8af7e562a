/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// What the replicas logged: Backstage's development format
// (`<time> <plugin> <level> <message> key=value…`, coloured) and the
// auditor's JSON lines.

import fs from 'node:fs';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** The log lines of a file from byte `offset` on, without colours. */
export function readLogLines(file: string, offset = 0): string[] {
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file).subarray(offset).toString('utf8');
  return text.replace(ANSI, '').split('\n').filter(Boolean);
}

interface Logged {
  name: string;
  logLines(): string[];
}

export interface LogLine {
  replica: string;
  /** Epoch milliseconds of the line's timestamp. */
  at: number;
  message: string;
}

/** Lines of `plugin` whose message matches `pattern`, from every replica, in time order. */
export function logged(replicas: Logged[], plugin: string, pattern: RegExp): LogLine[] {
  const line = new RegExp(`^(\\S+Z) ${plugin} \\w+ (.*)$`);
  return replicas
    .flatMap(r =>
      r.logLines().flatMap(l => {
        const m = line.exec(l);
        const message = m?.[2].trim();
        return m && message && pattern.test(message) ? [{ replica: r.name, at: Date.parse(m[1]), message }] : [];
      }),
    )
    .sort((x, y) => x.at - y.at);
}

export interface AuditLine {
  replica: string;
  eventId: string;
  status: 'initiated' | 'succeeded' | 'failed';
  meta?: any;
}

/** The JSON value that starts at `text[from]`, and where it ends. */
function jsonValueAt(text: string, from: number): { value: unknown; end: number } {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    const closed = !inString && depth === 0 && (i + 1 === text.length || text[i + 1] === ' ');
    if (closed) return { value: JSON.parse(text.slice(from, i + 1)), end: i + 1 };
  }
  throw new Error(`no JSON value at ${from} of ${text}`);
}

/** The `key=<JSON>` fields after a line's message. */
function fieldsOf(line: string, firstKey: string): Record<string, any> {
  const fields: Record<string, any> = {};
  let at = line.indexOf(` ${firstKey}=`);
  while (at >= 0 && at < line.length) {
    const eq = line.indexOf('=', at);
    const { value, end } = jsonValueAt(line, eq + 1);
    fields[line.slice(at + 1, eq)] = value;
    at = end;
  }
  return fields;
}

/** The audit events of every replica (the auditor's lines, marked isAuditEvent=true). */
export function auditEvents(replicas: Logged[]): AuditLine[] {
  return replicas.flatMap(r =>
    r.logLines().flatMap(l => {
      if (!l.includes(' isAuditEvent=true ')) return [];
      const f = fieldsOf(l, 'isAuditEvent');
      return [{ replica: r.name, eventId: f.eventId, status: f.status, meta: f.meta }];
    }),
  );
}
