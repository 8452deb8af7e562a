/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// The browser helpers, for the install test (packages/install-test).
export { findChromium, launchChromium, signInAsGuest, VIEWPORT } from './harness/browser';
