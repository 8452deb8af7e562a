/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package main

import (
	"context"
	"fmt"

	pkgerrors "github.com/pkg/errors"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"sigs.k8s.io/controller-runtime/pkg/client"

	clusterv1 "sigs.k8s.io/cluster-api/api/core/v1beta2"
)

const (
	openStackClusterKind = "OpenStackCluster"
	openStackMachineKind = "OpenStackMachine"
)

// infraObject is an empty CAPO object of kind: CAPO's Go module requires an
// older CAPI than this program, so its types are read as unstructured.
func infraObject(kind string) *unstructured.Unstructured {
	u := &unstructured.Unstructured{}
	u.SetAPIVersion("infrastructure.cluster.x-k8s.io/v1beta1")
	u.SetKind(kind)
	return u
}

// providerIDOf is what CAPO would set: openstack:///<server id>. Without a
// server the Machine's UID stands for it.
func providerIDOf(machine *clusterv1.Machine) string {
	return fmt.Sprintf("openstack:///%s", machine.UID)
}

// infraMachineProvisioned returns the OpenStackMachine's providerID once it is
// provisioned: at once when standing in for CAPO (which it then marks), or
// when CAPO has set spec.providerID and status.ready.
func (f *fleet) infraMachineProvisioned(ctx context.Context, machine *clusterv1.Machine) (string, string, error) {
	ref := machine.Spec.InfrastructureRef
	if ref.Kind != openStackMachineKind {
		return "", "", nil
	}
	infra := infraObject(openStackMachineKind)
	if err := f.Get(ctx, client.ObjectKey{Namespace: machine.Namespace, Name: ref.Name}, infra); err != nil {
		return "", "", client.IgnoreNotFound(err)
	}
	providerID, _, _ := unstructured.NestedString(infra.Object, "spec", "providerID")
	ready, _, _ := unstructured.NestedBool(infra.Object, "status", "ready")
	if !f.standInForCAPO || !infra.GetDeletionTimestamp().IsZero() {
		if providerID == "" || !ready {
			return "", "", nil
		}
		return providerID, infra.GetName(), nil
	}
	if providerID == "" {
		providerID = providerIDOf(machine)
		patch := client.MergeFrom(infra.DeepCopy())
		if err := unstructured.SetNestedField(infra.Object, providerID, "spec", "providerID"); err != nil {
			return "", "", err
		}
		if err := f.Patch(ctx, infra, patch); err != nil {
			return "", "", pkgerrors.Wrap(err, "setting the OpenStackMachine's providerID")
		}
	}
	if !ready {
		patch := client.MergeFrom(infra.DeepCopy())
		if err := unstructured.SetNestedField(infra.Object, true, "status", "ready"); err != nil {
			return "", "", err
		}
		if err := f.Status().Patch(ctx, infra, patch); err != nil {
			return "", "", pkgerrors.Wrap(err, "marking the OpenStackMachine ready")
		}
	}
	return providerID, infra.GetName(), nil
}
