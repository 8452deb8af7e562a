/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package main

import (
	"context"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	kerrors "k8s.io/apimachinery/pkg/util/errors"
	"k8s.io/utils/ptr"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/controller"

	clusterv1 "sigs.k8s.io/cluster-api/api/core/v1beta2"
	"sigs.k8s.io/cluster-api/util"
)

// waitingRequeue is how often a Machine waiting for another controller is
// looked at again, besides the events that usually wake it.
const waitingRequeue = 2 * time.Second

// machineReconciler boots a Machine in its workload cluster: a Node once its
// infrastructure is provisioned and its bootstrap data exists; for a control
// plane Machine also its etcd member, API server and the other static pods.
type machineReconciler struct {
	*fleet
}

func (r *machineReconciler) setup(mgr ctrl.Manager, options controller.Options) error {
	return ctrl.NewControllerManagedBy(mgr).
		Named("workload-machine").
		For(&clusterv1.Machine{}).
		WithOptions(options).
		Complete(r)
}

func (r *machineReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	machine := &clusterv1.Machine{}
	if err := r.Get(ctx, req.NamespacedName, machine); err != nil {
		if !apierrors.IsNotFound(err) {
			return ctrl.Result{}, err
		}
		return ctrl.Result{}, r.removeMachine(ctx, req.NamespacedName)
	}
	// A deleting Machine is drained and its Node deleted by CAPI, its etcd
	// member removed by KCP; what is left goes once the Machine is gone.
	if !machine.DeletionTimestamp.IsZero() {
		return ctrl.Result{}, nil
	}
	if record, ok := r.recorded(req.NamespacedName); ok && record.booted {
		// Booted once: a Node deleted since (a vanished VM) stays deleted.
		return ctrl.Result{}, nil
	}
	cluster := &clusterv1.Cluster{}
	if err := r.Get(ctx, clusterKeyOf(machine), cluster); err != nil {
		return ctrl.Result{}, client.IgnoreNotFound(err)
	}
	if !ptr.Deref(cluster.Status.Initialization.InfrastructureProvisioned, false) || machine.Spec.Bootstrap.DataSecretName == nil {
		return ctrl.Result{RequeueAfter: waitingRequeue}, nil
	}
	providerID, nodeName, err := r.infraMachineProvisioned(ctx, machine)
	if err != nil || providerID == "" {
		return ctrl.Result{RequeueAfter: waitingRequeue}, err
	}
	controlPlane := util.IsControlPlaneMachine(machine)
	clusterKey := clusterKeyOf(machine)
	r.remember(req.NamespacedName, machineRecord{cluster: clusterKey, node: nodeName, controlPlane: controlPlane})

	workload := r.workloadClient(clusterKey)
	if err := createIfMissing(ctx, workload, nodeFor(machine, nodeName, providerID, controlPlane)); err != nil {
		return ctrl.Result{}, err
	}
	if controlPlane {
		if err := r.bootControlPlane(ctx, clusterKey, machine, nodeName); err != nil {
			return ctrl.Result{}, err
		}
	}
	r.remember(req.NamespacedName, machineRecord{cluster: clusterKey, node: nodeName, controlPlane: controlPlane, booted: true})
	return ctrl.Result{}, nil
}

// removeMachine removes what a Machine left in its workload cluster.
func (r *machineReconciler) removeMachine(ctx context.Context, key client.ObjectKey) error {
	record, ok := r.forget(key)
	if !ok {
		return nil
	}
	workload := r.workloadClient(record.cluster)
	name := workloadName(record.cluster)
	errs := []error{deleteIfPresent(ctx, workload, &corev1.Node{ObjectMeta: metav1.ObjectMeta{Name: record.node}})}
	if record.controlPlane {
		for _, component := range controlPlaneComponents {
			errs = append(errs, deleteIfPresent(ctx, workload, runningPod(component, record.node)))
		}
		errs = append(errs,
			r.mux.DeleteEtcdMember(name, etcdMemberName(record.node)),
			r.mux.DeleteAPIServer(name, apiServerName(record.node)),
		)
	}
	return kerrors.NewAggregate(errs)
}

// nodeFor is the Node kubelet would register: Ready, the Machine's version.
func nodeFor(machine *clusterv1.Machine, name, providerID string, controlPlane bool) *corev1.Node {
	now := metav1.Now()
	node := &corev1.Node{
		ObjectMeta: metav1.ObjectMeta{Name: name, Labels: map[string]string{"kubernetes.io/hostname": name}},
		Spec:       corev1.NodeSpec{ProviderID: providerID},
		Status: corev1.NodeStatus{
			NodeInfo: corev1.NodeSystemInfo{KubeletVersion: machine.Spec.Version},
			Conditions: []corev1.NodeCondition{
				{Type: corev1.NodeReady, Status: corev1.ConditionTrue, Reason: "KubeletReady", LastTransitionTime: now},
				{Type: corev1.NodeMemoryPressure, Status: corev1.ConditionFalse, Reason: "KubeletHasSufficientMemory", LastTransitionTime: now},
				{Type: corev1.NodeDiskPressure, Status: corev1.ConditionFalse, Reason: "KubeletHasNoDiskPressure", LastTransitionTime: now},
				{Type: corev1.NodePIDPressure, Status: corev1.ConditionFalse, Reason: "KubeletHasSufficientPID", LastTransitionTime: now},
			},
		},
	}
	if controlPlane {
		node.Labels["node-role.kubernetes.io/control-plane"] = ""
		node.Spec.Taints = []corev1.Taint{{Key: "node-role.kubernetes.io/control-plane", Effect: corev1.TaintEffectNoSchedule}}
	}
	return node
}
