/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import type { AuditorService } from '@backstage/backend-plugin-api';

/** One audit event as a test reads it: what it started with, how it ended. */
export interface RecordedAudit {
  meta: any;
  end?: any;
  failed?: string;
}

/** An auditor that keeps every event it is given (for services used without a backend). */
export function recordingAuditor(): { auditor: AuditorService; audits: RecordedAudit[] } {
  const audits: RecordedAudit[] = [];
  const auditor = {
    async createEvent(options: any) {
      const record: RecordedAudit = { meta: structuredClone(options.meta) };
      audits.push(record);
      return {
        async success(o: any) {
          record.end = o?.meta;
        },
        async fail(o: any) {
          record.end = o.meta;
          record.failed = o.error.message;
        },
      };
    },
  } as unknown as AuditorService;
  return { auditor, audits };
}
