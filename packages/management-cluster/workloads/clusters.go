/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package main

import (
	"context"

	pkgerrors "github.com/pkg/errors"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/controller"
	"sigs.k8s.io/controller-runtime/pkg/handler"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"

	clusterv1 "sigs.k8s.io/cluster-api/api/core/v1beta2"
)

// clusterReconciler gives each Cluster whose infrastructure is an
// OpenStackCluster a workload API server on loopback.
type clusterReconciler struct {
	*fleet
}

func (r *clusterReconciler) setup(mgr ctrl.Manager, options controller.Options) error {
	return ctrl.NewControllerManagedBy(mgr).
		Named("workload-cluster").
		For(&clusterv1.Cluster{}).
		Watches(infraObject(openStackClusterKind), handler.EnqueueRequestsFromMapFunc(toOwningCluster)).
		WithOptions(options).
		Complete(r)
}

// toOwningCluster maps an infrastructure object to its Cluster (by CAPI's label).
func toOwningCluster(_ context.Context, o client.Object) []reconcile.Request {
	name := o.GetLabels()[clusterv1.ClusterNameLabel]
	if name == "" {
		return nil
	}
	return []reconcile.Request{{NamespacedName: client.ObjectKey{Namespace: o.GetNamespace(), Name: name}}}
}

func (r *clusterReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	log := ctrl.LoggerFrom(ctx)
	name := workloadName(req.NamespacedName)
	cluster := &clusterv1.Cluster{}
	if err := r.Get(ctx, req.NamespacedName, cluster); err != nil {
		if !apierrors.IsNotFound(err) {
			return ctrl.Result{}, err
		}
		// The Cluster is gone (its machines first): so is its workload cluster.
		r.workloads.DeleteResourceGroup(name)
		return ctrl.Result{}, r.mux.DeleteWorkloadClusterListener(name)
	}
	ref := cluster.Spec.InfrastructureRef
	if ref.Kind != openStackClusterKind || !cluster.DeletionTimestamp.IsZero() {
		return ctrl.Result{}, nil
	}
	infra := infraObject(openStackClusterKind)
	if err := r.Get(ctx, client.ObjectKey{Namespace: cluster.Namespace, Name: ref.Name}, infra); err != nil {
		return ctrl.Result{}, client.IgnoreNotFound(err)
	}

	r.workloads.AddResourceGroup(name)
	workload := r.workloadClient(req.NamespacedName)
	for _, ns := range []string{metav1.NamespaceDefault, metav1.NamespacePublic, metav1.NamespaceSystem} {
		namespace := &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: ns, Labels: map[string]string{"kubernetes.io/metadata.name": ns}}}
		if err := createIfMissing(ctx, workload, namespace); err != nil {
			return ctrl.Result{}, err
		}
	}

	host, port, _ := endpointOf(infra)
	switch {
	case host == r.mux.Host() && port > 0:
		// Given at creation (e.g. to CAPO), or set by us before a restart.
	case r.standInForCAPO:
		p, err := freePort(r.mux.Host())
		if err != nil {
			return ctrl.Result{}, err
		}
		port = p
	default:
		// CAPO sets the endpoint to a floating IP or load balancer this machine
		// cannot serve: such a cluster gets no workload API server.
		log.V(1).Info("endpoint not on loopback, not served", "host", host)
		return ctrl.Result{}, nil
	}
	if _, err := r.mux.InitWorkloadClusterListener(name, port); err != nil {
		return ctrl.Result{}, pkgerrors.Wrap(err, "reserving the workload API server's port")
	}
	if err := r.mux.RegisterResourceGroup(name, name); err != nil {
		return ctrl.Result{}, err
	}
	if r.standInForCAPO {
		return ctrl.Result{}, r.markClusterProvisioned(ctx, infra, r.mux.Host(), port)
	}
	return ctrl.Result{}, nil
}

// markClusterProvisioned does CAPO's part for an OpenStackCluster: the
// control plane endpoint (spec) and ready (status), as the v1beta1 contract
// CAPO v0.14 follows names them.
func (r *clusterReconciler) markClusterProvisioned(ctx context.Context, infra *unstructured.Unstructured, host string, port int32) error {
	if h, p, _ := endpointOf(infra); h != host || p != port {
		patch := client.MergeFrom(infra.DeepCopy())
		if err := unstructured.SetNestedMap(infra.Object, map[string]any{"host": host, "port": int64(port)}, "spec", "controlPlaneEndpoint"); err != nil {
			return err
		}
		if err := r.Patch(ctx, infra, patch); err != nil {
			return pkgerrors.Wrap(err, "setting the OpenStackCluster's controlPlaneEndpoint")
		}
	}
	if ready, _, _ := unstructured.NestedBool(infra.Object, "status", "ready"); !ready {
		patch := client.MergeFrom(infra.DeepCopy())
		if err := unstructured.SetNestedField(infra.Object, true, "status", "ready"); err != nil {
			return err
		}
		if err := r.Status().Patch(ctx, infra, patch); err != nil {
			return pkgerrors.Wrap(err, "marking the OpenStackCluster ready")
		}
	}
	return nil
}

// endpointOf reads spec.controlPlaneEndpoint of an OpenStackCluster.
func endpointOf(infra *unstructured.Unstructured) (string, int32, bool) {
	host, _, _ := unstructured.NestedString(infra.Object, "spec", "controlPlaneEndpoint", "host")
	port, found, _ := unstructured.NestedInt64(infra.Object, "spec", "controlPlaneEndpoint", "port")
	return host, int32(port), found && host != ""
}
