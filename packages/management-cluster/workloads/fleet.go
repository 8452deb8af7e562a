/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package main

import (
	"context"
	"crypto/rsa"
	"crypto/x509"
	"fmt"
	"net"
	"sync"

	pkgerrors "github.com/pkg/errors"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/klog/v2"
	"sigs.k8s.io/controller-runtime/pkg/client"

	clusterv1 "sigs.k8s.io/cluster-api/api/core/v1beta2"
	inmemoryruntime "sigs.k8s.io/cluster-api/test/infrastructure/inmemory/pkg/runtime"
	inmemoryserver "sigs.k8s.io/cluster-api/test/infrastructure/inmemory/pkg/server"
	"sigs.k8s.io/cluster-api/util/certs"
	"sigs.k8s.io/cluster-api/util/secret"
)

// fleet is what both reconcilers share: the management cluster's client, the
// in-memory workload clusters and which Machine made which workload objects
// (so that they can be removed once the Machine is gone).
type fleet struct {
	client.Client
	workloads      inmemoryruntime.Manager
	mux            *inmemoryserver.WorkloadClustersMux
	standInForCAPO bool

	lock     sync.Mutex
	machines map[string]machineRecord
}

// machineRecord is what a Machine left in its workload cluster.
type machineRecord struct {
	cluster      client.ObjectKey
	node         string
	controlPlane bool
	// booted: the Node (and static pods) were created once.
	booted bool
}

// workloadName names a Cluster's resource group and listener alike.
func workloadName(cluster client.ObjectKey) string {
	return klog.KRef(cluster.Namespace, cluster.Name).String()
}

func (f *fleet) workloadClient(cluster client.ObjectKey) inmemoryruntime.Client {
	return f.workloads.GetResourceGroup(workloadName(cluster)).GetClient()
}

func (f *fleet) remember(machine client.ObjectKey, record machineRecord) {
	f.lock.Lock()
	defer f.lock.Unlock()
	f.machines[machine.String()] = record
}

func (f *fleet) recorded(machine client.ObjectKey) (machineRecord, bool) {
	f.lock.Lock()
	defer f.lock.Unlock()
	record, ok := f.machines[machine.String()]
	return record, ok
}

func (f *fleet) forget(machine client.ObjectKey) (machineRecord, bool) {
	f.lock.Lock()
	defer f.lock.Unlock()
	record, ok := f.machines[machine.String()]
	delete(f.machines, machine.String())
	return record, ok
}

// clusterCA reads a CA KCP generated for the cluster (cluster CA or etcd CA).
func (f *fleet) clusterCA(ctx context.Context, cluster client.ObjectKey, purpose secret.Purpose) (*x509.Certificate, *rsa.PrivateKey, error) {
	s, err := secret.Get(ctx, f.Client, cluster, purpose)
	if err != nil {
		return nil, nil, err
	}
	cert, err := certs.DecodeCertPEM(s.Data[secret.TLSCrtDataName])
	if err != nil || cert == nil {
		return nil, nil, pkgerrors.Errorf("the %s secret of %s holds no certificate", purpose, cluster)
	}
	key, err := certs.DecodePrivateKeyPEM(s.Data[secret.TLSKeyDataName])
	if err != nil {
		return nil, nil, pkgerrors.Wrapf(err, "the %s secret of %s holds no key", purpose, cluster)
	}
	rsaKey, ok := key.(*rsa.PrivateKey)
	if !ok {
		return nil, nil, pkgerrors.Errorf("the %s key of %s is not RSA", purpose, cluster)
	}
	return cert, rsaKey, nil
}

// createIfMissing creates obj in a workload cluster unless it exists.
func createIfMissing(ctx context.Context, c inmemoryruntime.Client, obj client.Object) error {
	existing := obj.DeepCopyObject().(client.Object)
	if err := c.Get(ctx, client.ObjectKeyFromObject(obj), existing); err == nil {
		return nil
	} else if !apierrors.IsNotFound(err) {
		return err
	}
	if err := c.Create(ctx, obj); err != nil && !apierrors.IsAlreadyExists(err) {
		return pkgerrors.Wrapf(err, "creating %T %s", obj, obj.GetName())
	}
	return nil
}

// deleteIfPresent deletes a workload object, ignoring one already gone.
func deleteIfPresent(ctx context.Context, c inmemoryruntime.Client, obj client.Object) error {
	if err := c.Delete(ctx, obj); err != nil && !apierrors.IsNotFound(err) {
		return pkgerrors.Wrapf(err, "deleting %T %s", obj, obj.GetName())
	}
	return nil
}

// freePort asks the kernel for a port free on host.
func freePort(host string) (int32, error) {
	l, err := net.Listen("tcp", net.JoinHostPort(host, "0")) //nolint:noctx
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return int32(l.Addr().(*net.TCPAddr).Port), nil
}

// runningPod is a static pod of a control plane component, Ready at once.
func runningPod(component, node string) *corev1.Pod {
	return &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{
			Namespace: metav1.NamespaceSystem,
			Name:      fmt.Sprintf("%s-%s", component, node),
			Labels:    map[string]string{"component": component, "tier": "control-plane"},
		},
		Spec: corev1.PodSpec{NodeName: node},
		Status: corev1.PodStatus{
			Phase:      corev1.PodRunning,
			Conditions: []corev1.PodCondition{{Type: corev1.PodReady, Status: corev1.ConditionTrue}},
		},
	}
}

func clusterKeyOf(machine *clusterv1.Machine) client.ObjectKey {
	return client.ObjectKey{Namespace: machine.Namespace, Name: machine.Spec.ClusterName}
}
