/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The CI machine has two cores shared by several suites: give findBy/waitFor room.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);
