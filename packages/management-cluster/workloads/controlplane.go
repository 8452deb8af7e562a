/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package main

import (
	"context"
	"fmt"
	"math/rand"
	"time"

	pkgerrors "github.com/pkg/errors"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/sets"
	"sigs.k8s.io/controller-runtime/pkg/client"

	clusterv1 "sigs.k8s.io/cluster-api/api/core/v1beta2"
	cloudv1 "sigs.k8s.io/cluster-api/test/infrastructure/inmemory/pkg/cloud/api/v1alpha1"
	inmemoryruntime "sigs.k8s.io/cluster-api/test/infrastructure/inmemory/pkg/runtime"
	containerutil "sigs.k8s.io/cluster-api/util/container"
	"sigs.k8s.io/cluster-api/util/secret"
)

// controlPlaneComponents are the static pods kubeadm runs on a control plane
// node; KCP reads their Ready condition for its component health.
var controlPlaneComponents = []string{"etcd", "kube-apiserver", "kube-scheduler", "kube-controller-manager"}

func etcdMemberName(node string) string { return "etcd-" + node }
func apiServerName(node string) string  { return "kube-apiserver-" + node }

// bootControlPlane creates what `kubeadm init|join --control-plane` leaves on
// a control plane node: an etcd member (joining the cluster's etcd, leader
// when first), an API server serving with the cluster CA, the scheduler and
// controller manager pods, and the kubeadm, kube-proxy and CoreDNS objects.
func (r *machineReconciler) bootControlPlane(ctx context.Context, cluster client.ObjectKey, machine *clusterv1.Machine, node string) error {
	workload := r.workloadClient(cluster)
	name := workloadName(cluster)

	etcdPod := runningPod("etcd", node)
	if err := workload.Get(ctx, client.ObjectKeyFromObject(etcdPod), etcdPod); apierrors.IsNotFound(err) {
		annotations, err := joinEtcd(ctx, workload)
		if err != nil {
			return err
		}
		etcdPod.Annotations = annotations
		if err := createIfMissing(ctx, workload, etcdPod); err != nil {
			return err
		}
	} else if err != nil {
		return err
	}
	if !r.mux.HasEtcdMember(name, etcdMemberName(node)) {
		cert, key, err := r.clusterCA(ctx, cluster, secret.EtcdCA)
		if err != nil {
			return err
		}
		if err := r.mux.AddEtcdMember(name, etcdMemberName(node), cert, key); err != nil {
			return pkgerrors.Wrap(err, "starting the etcd member")
		}
	}

	if err := createIfMissing(ctx, workload, runningPod("kube-apiserver", node)); err != nil {
		return err
	}
	if !r.mux.HasAPIServer(name, apiServerName(node)) {
		cert, key, err := r.clusterCA(ctx, cluster, secret.ClusterCA)
		if err != nil {
			return err
		}
		// The first API server starts the cluster's listener.
		if err := r.mux.AddAPIServer(name, apiServerName(node), cert, key); err != nil {
			return pkgerrors.Wrap(err, "starting the API server")
		}
	}
	for _, component := range []string{"kube-scheduler", "kube-controller-manager"} {
		if err := createIfMissing(ctx, workload, runningPod(component, node)); err != nil {
			return err
		}
	}
	for _, obj := range clusterAddons(machine.Spec.Version) {
		if err := createIfMissing(ctx, workload, obj); err != nil {
			return err
		}
	}
	return nil
}

// joinEtcd returns the annotations of a new etcd member: the cluster's id (a
// new one for the first member, which also becomes leader) and a member id.
func joinEtcd(ctx context.Context, workload inmemoryruntime.Client) (map[string]string, error) {
	pods := &corev1.PodList{}
	if err := workload.List(ctx, pods, client.InNamespace(metav1.NamespaceSystem),
		client.MatchingLabels{"component": "etcd", "tier": "control-plane"}); err != nil {
		return nil, pkgerrors.Wrap(err, "listing etcd members")
	}
	clusterID := ""
	members := sets.New[string]()
	hasLeader := false
	for _, pod := range pods.Items {
		if _, removed := pod.Annotations[cloudv1.EtcdMemberRemoved]; removed {
			continue
		}
		clusterID = pod.Annotations[cloudv1.EtcdClusterIDAnnotationName]
		members.Insert(pod.Annotations[cloudv1.EtcdMemberIDAnnotationName])
		if pod.Annotations[cloudv1.EtcdLeaderFromAnnotationName] != "" {
			hasLeader = true
		}
	}
	if clusterID == "" {
		clusterID = nonZeroID(sets.New[string]())
	}
	annotations := map[string]string{
		cloudv1.EtcdClusterIDAnnotationName: clusterID,
		cloudv1.EtcdMemberIDAnnotationName:  nonZeroID(members),
	}
	if !hasLeader {
		annotations[cloudv1.EtcdLeaderFromAnnotationName] = time.Now().Format(time.RFC3339)
	}
	return annotations, nil
}

// nonZeroID is a random etcd id (a uint32 in decimal) not in taken.
func nonZeroID(taken sets.Set[string]) string {
	for {
		id := fmt.Sprintf("%d", rand.Uint32()) //nolint:gosec // ids, not secrets
		if id != "0" && !taken.Has(id) {
			return id
		}
	}
}

// clusterAddons are the cluster-wide objects kubeadm creates with the first
// control plane node and KCP reads or updates: the kubeadm RBAC and
// ConfigMap, kube-proxy and CoreDNS.
func clusterAddons(version string) []client.Object {
	return []client.Object{
		&rbacv1.ClusterRole{
			ObjectMeta: metav1.ObjectMeta{Name: "kubeadm:get-nodes"},
			Rules:      []rbacv1.PolicyRule{{Verbs: []string{"get"}, APIGroups: []string{""}, Resources: []string{"nodes"}}},
		},
		&rbacv1.ClusterRoleBinding{
			ObjectMeta: metav1.ObjectMeta{Name: "kubeadm:get-nodes"},
			RoleRef:    rbacv1.RoleRef{APIGroup: rbacv1.GroupName, Kind: "ClusterRole", Name: "kubeadm:get-nodes"},
			Subjects:   []rbacv1.Subject{{Kind: rbacv1.GroupKind, Name: "system:bootstrappers:kubeadm:default-node-token"}},
		},
		&corev1.ConfigMap{
			ObjectMeta: metav1.ObjectMeta{Namespace: metav1.NamespaceSystem, Name: "kubeadm-config"},
			Data:       map[string]string{"ClusterConfiguration": ""},
		},
		&appsv1.DaemonSet{
			ObjectMeta: metav1.ObjectMeta{Namespace: metav1.NamespaceSystem, Name: "kube-proxy", Labels: map[string]string{"component": "kube-proxy"}},
			Spec: appsv1.DaemonSetSpec{Template: corev1.PodTemplateSpec{Spec: corev1.PodSpec{Containers: []corev1.Container{{
				Name:  "kube-proxy",
				Image: fmt.Sprintf("registry.k8s.io/kube-proxy:%s", containerutil.SemverToOCIImageTag(version)),
			}}}}},
		},
		&corev1.ConfigMap{
			ObjectMeta: metav1.ObjectMeta{Namespace: metav1.NamespaceSystem, Name: "coredns"},
			Data:       map[string]string{"Corefile": ".:53 {\n    forward . /etc/resolv.conf\n}\n"},
		},
		&appsv1.Deployment{
			ObjectMeta: metav1.ObjectMeta{Namespace: metav1.NamespaceSystem, Name: "coredns"},
			Spec: appsv1.DeploymentSpec{Template: corev1.PodTemplateSpec{Spec: corev1.PodSpec{Containers: []corev1.Container{{
				Name:  "coredns",
				Image: "registry.k8s.io/coredns/coredns:v1.12.1",
			}}}}},
		},
	}
}
