/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Command capi-openstack-workloads is test tooling: it serves an in-memory
// workload cluster (API server and etcd, Cluster API's own
// test/infrastructure/inmemory server) at the control plane endpoint of each
// Cluster on the local management cluster, with a Node per Machine and the
// static pods, etcd members and kubeadm objects kubeadm would create. The real
// CAPI controllers then initialize, scale, upgrade and remediate control
// planes and worker pools as on a cloud.
//
// Where CAPO does not run (--stand-in-for-capo), it also does the least an
// infrastructure provider must: an OpenStackCluster gets its control plane
// endpoint and status.ready, an OpenStackMachine a providerID and
// status.ready. With CAPO it only waits for what CAPO reports.
//
// The reconcilers follow CAPI's in-memory backend of the dev provider
// (test/infrastructure/docker/internal/controllers/backends/inmemory, Apache
// 2.0), which is internal to its module and cannot be imported.
package main

import (
	"flag"
	"fmt"
	"os"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	storagev1 "k8s.io/api/storage/v1"
	apiextensionsv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	"k8s.io/apimachinery/pkg/runtime"
	clientgoscheme "k8s.io/client-go/kubernetes/scheme"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/controller"
	"sigs.k8s.io/controller-runtime/pkg/healthz"
	"sigs.k8s.io/controller-runtime/pkg/log/zap"
	metricsserver "sigs.k8s.io/controller-runtime/pkg/metrics/server"

	clusterv1 "sigs.k8s.io/cluster-api/api/core/v1beta2"
	cloudv1 "sigs.k8s.io/cluster-api/test/infrastructure/inmemory/pkg/cloud/api/v1alpha1"
	inmemoryruntime "sigs.k8s.io/cluster-api/test/infrastructure/inmemory/pkg/runtime"
	inmemoryserver "sigs.k8s.io/cluster-api/test/infrastructure/inmemory/pkg/server"
)

func main() {
	var (
		host           string
		healthAddr     string
		debugPort      int
		standInForCAPO bool
	)
	flag.StringVar(&host, "host", "127.0.0.1", "address the workload API servers listen on")
	flag.StringVar(&healthAddr, "health-addr", "127.0.0.1:0", "address of /healthz and /readyz")
	flag.IntVar(&debugPort, "debug-port", 0, "port of the in-memory server's debug endpoint (required)")
	flag.BoolVar(&standInForCAPO, "stand-in-for-capo", true,
		"mark OpenStackClusters and OpenStackMachines provisioned (no CAPO runs); false: wait for CAPO to do it")
	opts := zap.Options{}
	opts.BindFlags(flag.CommandLine)
	flag.Parse()
	ctrl.SetLogger(zap.New(zap.UseFlagOptions(&opts)))
	log := ctrl.Log.WithName("workloads")
	if debugPort == 0 {
		fail(log.Error, fmt.Errorf("--debug-port is required"), "invalid flags")
	}

	scheme := runtime.NewScheme()
	must(clientgoscheme.AddToScheme(scheme))
	must(clusterv1.AddToScheme(scheme))

	workloadScheme := runtime.NewScheme()
	must(cloudv1.AddToScheme(workloadScheme))
	must(corev1.AddToScheme(workloadScheme))
	must(appsv1.AddToScheme(workloadScheme))
	must(rbacv1.AddToScheme(workloadScheme))
	must(storagev1.AddToScheme(workloadScheme))
	must(apiextensionsv1.AddToScheme(workloadScheme))
	must(policyv1.AddToScheme(workloadScheme))

	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{
		Scheme:                 scheme,
		Metrics:                metricsserver.Options{BindAddress: "0"},
		HealthProbeBindAddress: healthAddr,
	})
	if err != nil {
		fail(log.Error, err, "unable to create the manager")
	}
	ctx := ctrl.SetupSignalHandler()

	workloads := inmemoryruntime.NewManager(workloadScheme)
	if err := workloads.Start(ctx); err != nil {
		fail(log.Error, err, "unable to start the in-memory manager")
	}
	// Each listener gets a port the kernel says is free (freePort), not the
	// mux's counter: several of these programs run at once in tests.
	mux, err := inmemoryserver.NewWorkloadClustersMux(workloads, host, inmemoryserver.CustomPorts{
		MinPort:   1,
		MaxPort:   65535,
		DebugPort: int32(debugPort),
	})
	if err != nil {
		fail(log.Error, err, "unable to create the workload clusters mux")
	}

	state := &fleet{Client: mgr.GetClient(), workloads: workloads, mux: mux, standInForCAPO: standInForCAPO, machines: map[string]machineRecord{}}
	if err := (&clusterReconciler{fleet: state}).setup(mgr, controller.Options{MaxConcurrentReconciles: 1}); err != nil {
		fail(log.Error, err, "unable to create the Cluster controller")
	}
	if err := (&machineReconciler{fleet: state}).setup(mgr, controller.Options{MaxConcurrentReconciles: 1}); err != nil {
		fail(log.Error, err, "unable to create the Machine controller")
	}
	must(mgr.AddHealthzCheck("ping", healthz.Ping))
	must(mgr.AddReadyzCheck("ping", healthz.Ping))

	log.Info("starting", "host", host, "standInForCAPO", standInForCAPO)
	if err := mgr.Start(ctx); err != nil {
		fail(log.Error, err, "manager stopped")
	}
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func fail(logError func(error, string, ...any), err error, msg string) {
	logError(err, msg)
	os.Exit(1)
}
