/*
 * Copyright 2026 The CAPI OpenStack Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// GENERATED from openapi.yaml by scripts/generate-openapi.mjs; do not edit.
// prettier-ignore
/* eslint-disable */

export const spec = {
  "openapi": "3.0.3",
  "info": {
    "title": "capi-openstack",
    "version": "1",
    "description": "Cluster API workload clusters on OpenStack, read from watch caches of one or more\nmanagement clusters. Every answer comes from memory; no request reaches a management\ncluster on the read path. Errors use Backstage's error body\n(`{ error: { name, message }, response: { statusCode } }`).\n",
    "license": {
      "name": "Apache-2.0"
    }
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "paths": {
    "/health": {
      "get": {
        "operationId": "GetHealth",
        "description": "Readiness of this replica (no authentication, so it names no cluster): ok when the caches of every management cluster are synced, degraded while one is stale or failing, starting (503) until each has synced once.",
        "security": [
          {}
        ],
        "responses": {
          "200": {
            "description": "Serving",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                }
              }
            }
          },
          "503": {
            "description": "Starting",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                }
              }
            }
          }
        }
      }
    },
    "/management-clusters": {
      "get": {
        "operationId": "ListManagementClusters",
        "description": "The configured management clusters and the sync state of their caches.",
        "responses": {
          "200": {
            "description": "Management clusters",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ManagementClusterStatus"
                      }
                    }
                  },
                  "required": [
                    "items"
                  ]
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters": {
      "get": {
        "operationId": "ListClusters",
        "description": "Workload clusters the caller may read (`capi-openstack.cluster.read`, conditional\ndecisions applied), filtered, sorted and paged. `verdictCounts` ignore the verdict\nfilter so that every verdict chip can show its count.\n",
        "parameters": [
          {
            "name": "managementCluster",
            "in": "query",
            "schema": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "style": "form",
            "explode": true
          },
          {
            "name": "namespace",
            "in": "query",
            "schema": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "style": "form",
            "explode": true
          },
          {
            "name": "verdict",
            "in": "query",
            "style": "form",
            "explode": true,
            "schema": {
              "type": "array",
              "items": {
                "$ref": "#/components/schemas/Verdict"
              }
            }
          },
          {
            "name": "owner",
            "in": "query",
            "description": "Entity refs such as group:default/team-a",
            "schema": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "style": "form",
            "explode": true
          },
          {
            "name": "search",
            "in": "query",
            "description": "Case-insensitive substring of name, namespace, owner, version or reasons",
            "schema": {
              "type": "string",
              "maxLength": 200
            }
          },
          {
            "name": "sort",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "name",
                "namespace",
                "managementCluster",
                "verdict",
                "version",
                "owner",
                "age"
              ],
              "default": "name"
            }
          },
          {
            "name": "order",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "asc",
                "desc"
              ],
              "default": "asc"
            }
          },
          {
            "name": "offset",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "default": 0
            }
          },
          {
            "name": "limit",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 5000,
              "default": 100
            }
          }
        ],
        "responses": {
          "200": {
            "description": "A page of cluster summaries",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ClusterListResponse"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      },
      "post": {
        "operationId": "CreateCluster",
        "description": "Creates a workload cluster (users only; audited). `capi-openstack.cluster.create` is\ndecided for the request's management cluster, namespace and owner (403); the owner\ndefaults to the caller's first group and must be one of the caller's ownership refs\nunless the policy allows creating unconditionally. The identity Secret must carry the\nlabel `capi-openstack.dev/identity: \"true\"` (or be named by an OpenStackClusterIdentity\nadmitting the namespace). Every field is validated (422 naming the field), then the\nobjects are applied with server-side apply under the field manager\n`capi-openstack-backstage`, after a complete dryRun=All pass. Create only creates: an\nexisting Cluster of that name is refused (409), except an identical retry by the caller\nwhose request created it (200, `changed: false`). `dryRun=true`: the API server\nvalidates, nothing is created, the objects it would store are answered.\n",
        "parameters": [
          {
            "name": "dryRun",
            "in": "query",
            "schema": {
              "type": "boolean",
              "default": false
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateClusterRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Nothing changed (a retry) or a dry run",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CreateClusterResponse"
                }
              }
            }
          },
          "201": {
            "description": "Created or changed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CreateClusterResponse"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters/render": {
      "post": {
        "operationId": "RenderCluster",
        "description": "Validates like `POST /clusters` and answers the manifests (for a GitOps repository); writes nothing.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateClusterRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The manifests",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CreateClusterResponse"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/create-options": {
      "get": {
        "operationId": "GetCreateOptions",
        "description": "What the create form may offer (management clusters, allowed versions and flavors, ClusterClasses with their variables).",
        "responses": {
          "200": {
            "description": "Options",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CreateOptionsResponse"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters/{managementCluster}/{namespace}/{name}": {
      "get": {
        "operationId": "GetCluster",
        "description": "The full tree of one cluster and its health verdict with reasons. 404 also when the caller may not read it.",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "Cluster detail",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ClusterDetailResponse"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      },
      "delete": {
        "operationId": "DeleteCluster",
        "description": "Delete the Cluster (CAPI removes the rest in order). The body repeats the name; refused for clusters annotated capi-openstack.dev/protected; audited at high severity. Permission capi-openstack.cluster.delete.",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/dryRun"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "resourceVersion": {
                    "type": "string"
                  },
                  "force": {
                    "type": "boolean"
                  },
                  "confirmName": {
                    "type": "string"
                  }
                },
                "required": [
                  "confirmName"
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/ActionResult"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters/{managementCluster}/{namespace}/{name}/events": {
      "get": {
        "operationId": "GetClusterEvents",
        "description": "Kubernetes Events and condition transitions of the cluster's objects, newest first.",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "name": "limit",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000,
              "default": 200
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Timeline",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ClusterTimelineEntry"
                      }
                    }
                  },
                  "required": [
                    "items"
                  ]
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters/{managementCluster}/{namespace}/{name}/control-plane/scale": {
      "post": {
        "operationId": "ScaleControlPlane",
        "description": "Scale the control plane: odd counts ≥ 1 (stacked etcd). Permission capi-openstack.cluster.scale. ClusterClass clusters: spec.topology.controlPlane.replicas; plain: KubeadmControlPlane spec.replicas.",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/dryRun"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ScaleRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/ActionResult"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters/{managementCluster}/{namespace}/{name}/pools/{pool}/scale": {
      "post": {
        "operationId": "ScalePool",
        "description": "Scale a worker pool from 0 to capiOpenstack.actions.maxPoolReplicas; refused (422) while the pool has autoscaler bounds. Permission capi-openstack.cluster.scale.",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/pool"
          },
          {
            "$ref": "#/components/parameters/dryRun"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ScaleRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/ActionResult"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters/{managementCluster}/{namespace}/{name}/pools/{pool}/autoscaler": {
      "post": {
        "operationId": "SetAutoscaler",
        "description": "Set (min ≤ max, both ≥ 0) or clear (null) the cluster-autoscaler bounds of a pool. Permission capi-openstack.cluster.update.",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/pool"
          },
          {
            "$ref": "#/components/parameters/dryRun"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "resourceVersion": {
                    "type": "string"
                  },
                  "force": {
                    "type": "boolean"
                  },
                  "bounds": {
                    "nullable": true,
                    "type": "object",
                    "additionalProperties": false,
                    "properties": {
                      "min": {
                        "type": "integer",
                        "minimum": 0
                      },
                      "max": {
                        "type": "integer",
                        "minimum": 0
                      }
                    },
                    "required": [
                      "min",
                      "max"
                    ]
                  }
                },
                "required": [
                  "bounds"
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/ActionResult"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters/{managementCluster}/{namespace}/{name}/upgrades": {
      "get": {
        "operationId": "GetUpgrades",
        "description": "Allowed Kubernetes upgrade targets (one minor step, never a downgrade) and the upgrade in progress. Permission capi-openstack.cluster.read.",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "Targets",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "current": {
                      "type": "string"
                    },
                    "message": {
                      "type": "string"
                    },
                    "targets": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "properties": {
                          "version": {
                            "type": "string"
                          },
                          "image": {
                            "type": "string"
                          },
                          "source": {
                            "type": "string",
                            "enum": [
                              "clusterClass",
                              "config"
                            ]
                          }
                        },
                        "required": [
                          "version",
                          "source"
                        ]
                      }
                    },
                    "inProgress": {
                      "type": "object",
                      "properties": {
                        "version": {
                          "type": "string"
                        },
                        "phase": {
                          "type": "string",
                          "enum": [
                            "control-plane",
                            "workers",
                            "done"
                          ]
                        },
                        "pendingPools": {
                          "type": "array",
                          "items": {
                            "type": "string"
                          }
                        },
                        "failed": {
                          "type": "string",
                          "description": "Why the orchestration stopped: the management cluster refused a step (admission, validation). POST .../upgrade with the same version retries."
                        }
                      }
                    }
                  },
                  "required": [
                    "targets"
                  ]
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters/{managementCluster}/{namespace}/{name}/upgrade": {
      "post": {
        "operationId": "Upgrade",
        "description": "Upgrade Kubernetes to one of the targets of GET .../upgrades. ClusterClass: spec.topology.version. Plain: a new OpenStackMachineTemplate and the control plane's version in one update, then the pools (driven by the backend from the objects' state); when the control plane write is refused nothing is left behind (the Cluster's upgrade annotation is taken back), when a later step is refused the upgrade stops (inProgress.failed) and the same version retries it. The resourceVersion is the control plane's (plain) or the Cluster's. Permission capi-openstack.cluster.upgrade.",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/dryRun"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "resourceVersion": {
                    "type": "string"
                  },
                  "force": {
                    "type": "boolean"
                  },
                  "when": {
                    "type": "string",
                    "enum": [
                      "now",
                      "window"
                    ],
                    "description": "window: wait for the cluster's next maintenance window instead of running now"
                  },
                  "version": {
                    "type": "string",
                    "pattern": "^v\\d+\\.\\d+\\.\\d+$"
                  }
                },
                "required": [
                  "version"
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/ActionResult"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters/{managementCluster}/{namespace}/{name}/control-plane/flavor": {
      "post": {
        "operationId": "SetControlPlaneFlavor",
        "description": "Change the control plane's Nova flavor (a new OpenStackMachineTemplate, or the ClusterClass variable). Permission capi-openstack.cluster.update.",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/dryRun"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SetFlavorRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/ActionResult"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters/{managementCluster}/{namespace}/{name}/pools/{pool}/flavor": {
      "post": {
        "operationId": "SetPoolFlavor",
        "description": "Change a pool's Nova flavor. Permission capi-openstack.cluster.update.",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/pool"
          },
          {
            "$ref": "#/components/parameters/dryRun"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SetFlavorRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/ActionResult"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters/{managementCluster}/{namespace}/{name}/control-plane/restart": {
      "post": {
        "operationId": "RestartControlPlane",
        "description": "Replace every control plane machine now (rollout.after). Permission capi-openstack.cluster.update.",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/dryRun"
          }
        ],
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/WindowRequestBase"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/ActionResult"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters/{managementCluster}/{namespace}/{name}/pools/{pool}/restart": {
      "post": {
        "operationId": "RestartPool",
        "description": "Replace every machine of a pool now (rollout.after). Permission capi-openstack.cluster.update.",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/pool"
          },
          {
            "$ref": "#/components/parameters/dryRun"
          }
        ],
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/WindowRequestBase"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/ActionResult"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters/{managementCluster}/{namespace}/{name}/control-plane/rotate-certificates": {
      "post": {
        "operationId": "RotateCertificates",
        "description": "Rotate the control plane certificates now: every control plane machine is replaced and gets new ones. Permission capi-openstack.cluster.update.",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/dryRun"
          }
        ],
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ActionRequestBase"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/ActionResult"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters/{managementCluster}/{namespace}/{name}/control-plane/certificate-rotation": {
      "post": {
        "operationId": "SetCertificateRotation",
        "description": "Automatic certificate rotation: machines are replaced when their certificates expire within certificatesExpiryDays (≥ 7; null turns it off). Permission capi-openstack.cluster.update.",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/dryRun"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "resourceVersion": {
                    "type": "string"
                  },
                  "force": {
                    "type": "boolean"
                  },
                  "certificatesExpiryDays": {
                    "type": "integer",
                    "minimum": 7,
                    "nullable": true
                  }
                },
                "required": [
                  "certificatesExpiryDays"
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/ActionResult"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters/{managementCluster}/{namespace}/{name}/machines/{machine}/replace": {
      "post": {
        "operationId": "ReplaceMachine",
        "description": "Delete one Machine so that its MachineSet or control plane creates a new one (new OpenStack server). Refused (422) when it would break etcd quorum, for the last healthy machine of a pool, while its node group rolls out, and when nothing would re-create it. resourceVersion is the Machine's. Permission capi-openstack.cluster.machine.replace.",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/machine"
          },
          {
            "$ref": "#/components/parameters/dryRun"
          }
        ],
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ActionRequestBase"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/ActionResult"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters/{managementCluster}/{namespace}/{name}/hibernate": {
      "post": {
        "operationId": "HibernateCluster",
        "description": "Scale every worker pool to 0, keeping each pool's replicas and autoscaler bounds in the Cluster annotation capi-openstack.dev/hibernated; the control plane keeps running. Permission capi-openstack.cluster.hibernate.",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/dryRun"
          }
        ],
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ActionRequestBase"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/ActionResult"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters/{managementCluster}/{namespace}/{name}/wake": {
      "post": {
        "operationId": "WakeCluster",
        "description": "Restore the worker pools of a hibernated cluster (replicas and autoscaler bounds), after a quota preflight (force to go ahead anyway). Permission capi-openstack.cluster.hibernate.",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/dryRun"
          }
        ],
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ActionRequestBase"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/ActionResult"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters/{managementCluster}/{namespace}/{name}/hibernation-schedule": {
      "post": {
        "operationId": "SetHibernationSchedule",
        "description": "When the cluster hibernates and wakes: two 5-field cron expressions read in an IANA time zone (null removes the schedule). One backend replica at a time runs it; each change is audited with the schedule as actor. Permission capi-openstack.cluster.hibernate.",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/dryRun"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "resourceVersion": {
                    "type": "string"
                  },
                  "force": {
                    "type": "boolean"
                  },
                  "schedule": {
                    "type": "object",
                    "nullable": true,
                    "additionalProperties": false,
                    "properties": {
                      "hibernate": {
                        "type": "string"
                      },
                      "wake": {
                        "type": "string"
                      },
                      "timeZone": {
                        "type": "string"
                      }
                    },
                    "required": [
                      "hibernate",
                      "wake",
                      "timeZone"
                    ]
                  }
                },
                "required": [
                  "schedule"
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/ActionResult"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters/{managementCluster}/{namespace}/{name}/health-checks/{healthCheck}": {
      "post": {
        "operationId": "SetHealthCheck",
        "description": "What makes a machine unhealthy and when remediation runs. healthCheck is the tree's machineHealthChecks[].target: a MachineHealthCheck's name (plain clusters; the resourceVersion is its) or control-plane / a topology pool's name (ClusterClass clusters: spec.topology…healthCheck, v1beta1 machineHealthCheck; the resourceVersion is the Cluster's). Each field is the whole new value; empty maxUnhealthy / unhealthyRange and null nodeStartupTimeoutSeconds remove them. Permission capi-openstack.cluster.update.",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "name": "healthCheck",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "$ref": "#/components/parameters/dryRun"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "resourceVersion": {
                    "type": "string"
                  },
                  "force": {
                    "type": "boolean"
                  },
                  "nodeStartupTimeoutSeconds": {
                    "type": "integer",
                    "minimum": 0,
                    "nullable": true
                  },
                  "unhealthyNodeConditions": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "additionalProperties": false,
                      "properties": {
                        "type": {
                          "type": "string"
                        },
                        "status": {
                          "type": "string",
                          "enum": [
                            "True",
                            "False",
                            "Unknown"
                          ]
                        },
                        "timeoutSeconds": {
                          "type": "integer",
                          "minimum": 0
                        }
                      },
                      "required": [
                        "type",
                        "status",
                        "timeoutSeconds"
                      ]
                    }
                  },
                  "maxUnhealthy": {
                    "type": "string",
                    "description": "A count or a percentage (3, 40%); empty for no limit"
                  },
                  "unhealthyRange": {
                    "type": "string",
                    "description": "[min-max], e.g. [1-3]; empty for none"
                  }
                },
                "required": [
                  "nodeStartupTimeoutSeconds",
                  "unhealthyNodeConditions",
                  "maxUnhealthy",
                  "unhealthyRange"
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/ActionResult"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters/{managementCluster}/{namespace}/{name}/maintenance-window": {
      "post": {
        "operationId": "SetMaintenanceWindow",
        "description": "When changes that disrupt the cluster may run: weekdays (mon … sun), a start and end time of day (HH:MM; an end before the start runs over midnight) and an IANA time zone; null removes the window (409 while operations wait for it). Upgrades, restarts and flavor changes sent with when=window wait for it. Permission capi-openstack.cluster.update.",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/dryRun"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "resourceVersion": {
                    "type": "string"
                  },
                  "force": {
                    "type": "boolean"
                  },
                  "window": {
                    "type": "object",
                    "nullable": true,
                    "additionalProperties": false,
                    "properties": {
                      "days": {
                        "type": "array",
                        "items": {
                          "type": "string",
                          "enum": [
                            "mon",
                            "tue",
                            "wed",
                            "thu",
                            "fri",
                            "sat",
                            "sun"
                          ]
                        }
                      },
                      "start": {
                        "type": "string",
                        "pattern": "^\\d\\d:\\d\\d$"
                      },
                      "end": {
                        "type": "string",
                        "pattern": "^\\d\\d:\\d\\d$"
                      },
                      "timeZone": {
                        "type": "string"
                      }
                    },
                    "required": [
                      "days",
                      "start",
                      "end",
                      "timeZone"
                    ]
                  }
                },
                "required": [
                  "window"
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/ActionResult"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters/{managementCluster}/{namespace}/{name}/pending-operations/{operation}": {
      "delete": {
        "operationId": "CancelPendingOperation",
        "description": "Cancel an operation that waits for the maintenance window (the ids are in the cluster summary's maintenance.pending). Permission: that of the operation's action.",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "name": "operation",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "$ref": "#/components/parameters/dryRun"
          }
        ],
        "responses": {
          "200": {
            "description": "The cancelled operation.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "cancelled",
                    "message"
                  ],
                  "properties": {
                    "message": {
                      "type": "string"
                    },
                    "cancelled": {
                      "type": "object",
                      "required": [
                        "id",
                        "action",
                        "fields",
                        "requestedBy",
                        "requestedAt"
                      ],
                      "properties": {
                        "id": {
                          "type": "string"
                        },
                        "action": {
                          "type": "string"
                        },
                        "pool": {
                          "type": "string"
                        },
                        "fields": {
                          "type": "object"
                        },
                        "requestedBy": {
                          "type": "string"
                        },
                        "requestedAt": {
                          "type": "string"
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters/{managementCluster}/{namespace}/{name}/machines/{machine}/console": {
      "post": {
        "operationId": "OpenMachineConsole",
        "description": "A one-time remote console URL (Nova os-remote-consoles, noVNC) of the machine's OpenStack server, asked with the cluster's own credentials; audited (console-read), never cached. Permission capi-openstack.cluster.console (no action attribute).",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/machine"
          }
        ],
        "responses": {
          "200": {
            "description": "The console URL.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "url",
                    "protocol",
                    "type"
                  ],
                  "properties": {
                    "url": {
                      "type": "string"
                    },
                    "protocol": {
                      "type": "string"
                    },
                    "type": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters/{managementCluster}/{namespace}/{name}/pause": {
      "post": {
        "operationId": "PauseCluster",
        "description": "Pause reconciliation of the whole cluster (spec.paused). Permission capi-openstack.cluster.pause.",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/dryRun"
          }
        ],
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ActionRequestBase"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/ActionResult"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters/{managementCluster}/{namespace}/{name}/resume": {
      "post": {
        "operationId": "ResumeCluster",
        "description": "Resume reconciliation (spec.paused false). Permission capi-openstack.cluster.pause.",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/dryRun"
          }
        ],
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ActionRequestBase"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/ActionResult"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters/{managementCluster}/{namespace}/{name}/kubeconfig": {
      "get": {
        "operationId": "GetKubeconfig",
        "description": "The admin kubeconfig (Secret <name>-kubeconfig), read on every call, never cached; audited. Permission capi-openstack.cluster.kubeconfig (no `action` attribute: a policy allowing every read does not grant it); users only. 404 when capiOpenstack.kubeconfig.enabled is false.",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "name": "download",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "true",
                "false"
              ]
            },
            "description": "true: the YAML as an attachment"
          }
        ],
        "responses": {
          "200": {
            "description": "The kubeconfig",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "kubeconfig": {
                      "type": "string"
                    }
                  },
                  "required": [
                    "kubeconfig"
                  ]
                }
              },
              "application/yaml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/clusters/{managementCluster}/{namespace}/{name}/openstack": {
      "get": {
        "operationId": "GetClusterOpenStack",
        "description": "Flavors, images, networks, key pairs, availability zones and quotas of the cloud of the cluster's identity (OpenStackCluster spec.identityRef), read with the clouds.yaml of that Secret and cached briefly. Permission capi-openstack.cluster.read.",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The lists (or the configured fallbacks, with available false)",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/OpenStackResourcesResponse"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/openstack/{managementCluster}/{namespace}/resources": {
      "get": {
        "operationId": "GetOpenStackResources",
        "description": "The same lists for an identity Secret in a namespace (the create form). Permission capi-openstack.cluster.create.",
        "parameters": [
          {
            "$ref": "#/components/parameters/managementCluster"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "name": "secret",
            "in": "query",
            "required": true,
            "description": "Name of the Secret holding clouds.yaml",
            "schema": {
              "type": "string",
              "maxLength": 253
            }
          },
          {
            "name": "cloud",
            "in": "query",
            "description": "Cloud in clouds.yaml (default openstack)",
            "schema": {
              "type": "string",
              "maxLength": 128
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The lists (or the configured fallbacks, with available false)",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/OpenStackResourcesResponse"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/stream": {
      "get": {
        "operationId": "StreamChanges",
        "description": "Server-sent events. On connect, one `snapshot` event with\n`{ managementClusters }`; then `changes` events, coalesced over a short window,\nwhose data is a `StreamChanges` JSON object (summaries upserted, clusters removed,\nmanagement cluster states) limited to clusters the caller may read; a `: ping`\ncomment every 25 seconds keeps proxies from closing the connection. The read\npermission is checked again every `capiOpenstack.stream.reauthorizeSeconds`: clusters\nno longer readable arrive as `removed`, a denial (and the credentials' expiry) ends the\nstream with an `error` event `{ message }`. A client that does not read is sent the\nlatest state per cluster once it drains, and cut off when it stays behind. 429: more\nthan `stream.maxConnectionsPerUser` streams of one caller; 503: more than\n`stream.maxConnections` in all.\n",
        "responses": {
          "200": {
            "description": "An event stream",
            "content": {
              "text/event-stream": {
                "schema": {
                  "$ref": "#/components/schemas/StreamChanges"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    }
  },
  "components": {
    "parameters": {
      "managementCluster": {
        "name": "managementCluster",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string",
          "maxLength": 63
        }
      },
      "namespace": {
        "name": "namespace",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string",
          "maxLength": 63
        }
      },
      "name": {
        "name": "name",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string",
          "maxLength": 253
        }
      },
      "pool": {
        "name": "pool",
        "in": "path",
        "required": true,
        "description": "MachineDeployment or topology name",
        "schema": {
          "type": "string",
          "maxLength": 253
        }
      },
      "machine": {
        "name": "machine",
        "in": "path",
        "required": true,
        "description": "Machine name",
        "schema": {
          "type": "string",
          "maxLength": 253
        }
      },
      "dryRun": {
        "name": "dryRun",
        "in": "query",
        "description": "true: validated by the API server (dryRun=All), nothing changed",
        "schema": {
          "type": "string",
          "enum": [
            "true",
            "false"
          ]
        }
      }
    },
    "responses": {
      "ActionResult": {
        "description": "What the action changed (or would change on a dry run); changed false when the requested state was already in effect",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ActionResult"
            }
          }
        }
      },
      "ErrorResponse": {
        "description": "An error",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      }
    },
    "schemas": {
      "Health": {
        "type": "object",
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "ok",
              "starting",
              "degraded"
            ]
          }
        },
        "required": [
          "status"
        ]
      },
      "ActionRequestBase": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "resourceVersion": {
            "type": "string",
            "description": "The resourceVersion the caller saw; a different current one is answered 409"
          },
          "force": {
            "type": "boolean",
            "description": "Write although the preflight failed (scale, flavor, upgrade); recorded in the audit event"
          }
        }
      },
      "WindowRequestBase": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "resourceVersion": {
            "type": "string",
            "description": "The resourceVersion the caller saw; a different current one is answered 409"
          },
          "force": {
            "type": "boolean",
            "description": "Write although the preflight failed; recorded in the audit event"
          },
          "when": {
            "type": "string",
            "enum": [
              "now",
              "window"
            ],
            "description": "window: wait for the cluster's next maintenance window instead of running now"
          }
        }
      },
      "ScaleRequest": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "resourceVersion": {
            "type": "string"
          },
          "force": {
            "type": "boolean"
          },
          "replicas": {
            "type": "integer",
            "minimum": 0
          }
        },
        "required": [
          "replicas"
        ]
      },
      "SetFlavorRequest": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "resourceVersion": {
            "type": "string"
          },
          "force": {
            "type": "boolean"
          },
          "when": {
            "type": "string",
            "enum": [
              "now",
              "window"
            ],
            "description": "window: wait for the cluster's next maintenance window instead of running now"
          },
          "flavor": {
            "type": "string",
            "minLength": 1
          }
        },
        "required": [
          "flavor"
        ]
      },
      "ActionResult": {
        "type": "object",
        "properties": {
          "action": {
            "type": "string"
          },
          "cluster": {
            "type": "object",
            "properties": {
              "managementCluster": {
                "type": "string"
              },
              "namespace": {
                "type": "string"
              },
              "name": {
                "type": "string"
              }
            }
          },
          "dryRun": {
            "type": "boolean"
          },
          "changed": {
            "type": "boolean"
          },
          "message": {
            "type": "string"
          },
          "changes": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "kind": {
                  "type": "string"
                },
                "name": {
                  "type": "string"
                },
                "field": {
                  "type": "string"
                },
                "from": {},
                "to": {}
              },
              "required": [
                "kind",
                "name",
                "field"
              ]
            }
          },
          "target": {
            "type": "object",
            "properties": {
              "kind": {
                "type": "string"
              },
              "name": {
                "type": "string"
              },
              "resourceVersion": {
                "type": "string"
              }
            }
          },
          "preflight": {
            "$ref": "#/components/schemas/PreflightResult"
          }
        },
        "required": [
          "action",
          "cluster",
          "dryRun",
          "changed",
          "message",
          "changes"
        ]
      },
      "Identity": {
        "type": "object",
        "description": "The Secret holding clouds.yaml (in the cluster's namespace) and the cloud in it",
        "properties": {
          "secretName": {
            "type": "string"
          },
          "cloudName": {
            "type": "string"
          }
        },
        "required": [
          "secretName",
          "cloudName"
        ]
      },
      "PreflightResult": {
        "type": "object",
        "description": "Quota and resource checks of a change against the cloud of the cluster's identity. A fail refuses the write (422) unless force is true; dry runs report it.",
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "pass",
              "warn",
              "fail"
            ]
          },
          "summary": {
            "type": "string"
          },
          "checks": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "id": {
                  "type": "string"
                },
                "status": {
                  "type": "string",
                  "enum": [
                    "pass",
                    "warn",
                    "fail"
                  ]
                },
                "message": {
                  "type": "string"
                }
              },
              "required": [
                "id",
                "status",
                "message"
              ]
            }
          },
          "needs": {
            "type": "object",
            "additionalProperties": {
              "type": "number"
            }
          },
          "forced": {
            "type": "boolean"
          }
        },
        "required": [
          "status",
          "summary",
          "checks"
        ]
      },
      "OpenStackResourcesResponse": {
        "type": "object",
        "description": "Lists and quotas of the cloud of an identity. available false: the cloud could not be reached; the lists are the configured fallbacks and message says why.",
        "properties": {
          "available": {
            "type": "boolean"
          },
          "source": {
            "type": "string",
            "enum": [
              "cloud",
              "config"
            ]
          },
          "message": {
            "type": "string"
          },
          "identity": {
            "$ref": "#/components/schemas/Identity"
          },
          "cloud": {
            "type": "object",
            "properties": {
              "authUrl": {
                "type": "string"
              },
              "region": {
                "type": "string"
              },
              "projectId": {
                "type": "string"
              }
            }
          },
          "flavors": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "id": {
                  "type": "string"
                },
                "name": {
                  "type": "string"
                },
                "vcpus": {
                  "type": "integer"
                },
                "ram": {
                  "type": "integer"
                },
                "disk": {
                  "type": "integer"
                }
              },
              "required": [
                "id",
                "name"
              ]
            }
          },
          "images": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "id": {
                  "type": "string"
                },
                "name": {
                  "type": "string"
                },
                "tags": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                },
                "kubernetesVersion": {
                  "type": "string"
                },
                "osDistro": {
                  "type": "string"
                },
                "osVersion": {
                  "type": "string"
                }
              },
              "required": [
                "id",
                "name",
                "tags"
              ]
            }
          },
          "networks": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "id": {
                  "type": "string"
                },
                "name": {
                  "type": "string"
                },
                "external": {
                  "type": "boolean"
                }
              },
              "required": [
                "id",
                "name",
                "external"
              ]
            }
          },
          "keyPairs": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "name": {
                  "type": "string"
                },
                "fingerprint": {
                  "type": "string"
                }
              },
              "required": [
                "name"
              ]
            }
          },
          "availabilityZones": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "name": {
                  "type": "string"
                },
                "available": {
                  "type": "boolean"
                }
              },
              "required": [
                "name",
                "available"
              ]
            }
          },
          "quotas": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "service": {
                  "type": "string",
                  "enum": [
                    "compute",
                    "network",
                    "load-balancer",
                    "volume"
                  ]
                },
                "resource": {
                  "type": "string"
                },
                "limit": {
                  "type": "integer"
                },
                "inUse": {
                  "type": "integer"
                },
                "reserved": {
                  "type": "integer"
                }
              },
              "required": [
                "service",
                "resource",
                "limit",
                "inUse"
              ]
            }
          },
          "fetchedAt": {
            "type": "string",
            "format": "date-time"
          }
        },
        "required": [
          "available",
          "source",
          "identity",
          "flavors",
          "images",
          "networks",
          "keyPairs",
          "availabilityZones",
          "quotas"
        ]
      },
      "Error": {
        "type": "object",
        "properties": {
          "error": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string"
              },
              "message": {
                "type": "string"
              }
            },
            "required": [
              "name",
              "message"
            ]
          },
          "response": {
            "type": "object",
            "properties": {
              "statusCode": {
                "type": "integer"
              }
            }
          }
        },
        "required": [
          "error"
        ]
      },
      "CreateClusterRequest": {
        "type": "object",
        "description": "See CreateClusterRequest in the common package.",
        "properties": {
          "managementCluster": {
            "type": "string"
          },
          "namespace": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "kubernetesVersion": {
            "type": "string"
          },
          "mode": {
            "type": "string",
            "enum": [
              "clusterClass",
              "manifests"
            ]
          },
          "clusterClass": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string"
              },
              "variables": {
                "type": "object",
                "additionalProperties": true
              }
            },
            "required": [
              "name"
            ]
          },
          "controlPlane": {
            "type": "object",
            "properties": {
              "replicas": {
                "type": "integer"
              },
              "flavor": {
                "type": "string"
              }
            },
            "required": [
              "replicas"
            ]
          },
          "workerPools": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "name": {
                  "type": "string"
                },
                "class": {
                  "type": "string"
                },
                "replicas": {
                  "type": "integer"
                },
                "autoscaler": {
                  "type": "object",
                  "properties": {
                    "min": {
                      "type": "integer"
                    },
                    "max": {
                      "type": "integer"
                    }
                  },
                  "required": [
                    "min",
                    "max"
                  ]
                },
                "flavor": {
                  "type": "string"
                },
                "availabilityZone": {
                  "type": "string"
                }
              },
              "required": [
                "name"
              ]
            }
          },
          "image": {
            "type": "string"
          },
          "externalNetwork": {
            "type": "string"
          },
          "sshKeyName": {
            "type": "string"
          },
          "identity": {
            "$ref": "#/components/schemas/Identity"
          },
          "availabilityZones": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "owner": {
            "type": "string"
          },
          "labels": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          },
          "force": {
            "type": "boolean",
            "description": "Apply although the preflight failed"
          }
        },
        "required": [
          "managementCluster",
          "namespace",
          "name",
          "kubernetesVersion",
          "mode",
          "controlPlane",
          "workerPools",
          "identity"
        ]
      },
      "CreateClusterResponse": {
        "type": "object",
        "properties": {
          "cluster": {
            "type": "object",
            "properties": {
              "managementCluster": {
                "type": "string"
              },
              "namespace": {
                "type": "string"
              },
              "name": {
                "type": "string"
              }
            },
            "required": [
              "managementCluster",
              "namespace",
              "name"
            ]
          },
          "dryRun": {
            "type": "boolean"
          },
          "changed": {
            "type": "boolean"
          },
          "message": {
            "type": "string"
          },
          "objects": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "apiVersion": {
                  "type": "string"
                },
                "kind": {
                  "type": "string"
                },
                "name": {
                  "type": "string"
                },
                "changed": {
                  "type": "boolean"
                }
              },
              "required": [
                "apiVersion",
                "kind",
                "name"
              ]
            }
          },
          "manifests": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": true
            }
          },
          "preflight": {
            "$ref": "#/components/schemas/PreflightResult"
          }
        },
        "required": [
          "cluster",
          "dryRun",
          "changed",
          "message",
          "objects",
          "manifests"
        ]
      },
      "CreateOptionsResponse": {
        "type": "object",
        "properties": {
          "managementClusters": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "name": {
                  "type": "string"
                },
                "title": {
                  "type": "string"
                },
                "supported": {
                  "type": "boolean"
                },
                "message": {
                  "type": "string"
                }
              },
              "required": [
                "name",
                "title",
                "supported"
              ]
            }
          },
          "namespaces": {
            "type": "array",
            "description": "Namespaces the caller may create clusters in, as far as the backend knows them.",
            "items": {
              "type": "object",
              "properties": {
                "managementCluster": {
                  "type": "string"
                },
                "namespace": {
                  "type": "string"
                }
              },
              "required": [
                "managementCluster",
                "namespace"
              ]
            }
          },
          "defaultOwner": {
            "type": "string",
            "description": "The owner of a request without one: the caller's first group."
          },
          "kubernetesVersions": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "flavors": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "clusterClasses": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "managementCluster": {
                  "type": "string"
                },
                "namespace": {
                  "type": "string"
                },
                "name": {
                  "type": "string"
                },
                "kubernetesVersions": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                },
                "workerClasses": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                },
                "variables": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "properties": {
                      "name": {
                        "type": "string"
                      },
                      "required": {
                        "type": "boolean"
                      },
                      "schema": {
                        "type": "object",
                        "additionalProperties": true
                      }
                    },
                    "required": [
                      "name",
                      "required",
                      "schema"
                    ]
                  }
                }
              },
              "required": [
                "managementCluster",
                "namespace",
                "name",
                "kubernetesVersions",
                "workerClasses",
                "variables"
              ]
            }
          }
        },
        "required": [
          "managementClusters",
          "kubernetesVersions",
          "flavors",
          "clusterClasses"
        ]
      },
      "Verdict": {
        "type": "string",
        "enum": [
          "Healthy",
          "Progressing",
          "Degraded",
          "Failed",
          "Deleting",
          "Paused",
          "Unknown"
        ]
      },
      "SyncState": {
        "type": "string",
        "enum": [
          "syncing",
          "synced",
          "stale",
          "error"
        ]
      },
      "ReplicaCounters": {
        "type": "object",
        "description": "Counters are optional; absent is not zero.",
        "properties": {
          "desired": {
            "type": "integer"
          },
          "replicas": {
            "type": "integer"
          },
          "ready": {
            "type": "integer"
          },
          "available": {
            "type": "integer"
          },
          "upToDate": {
            "type": "integer"
          }
        }
      },
      "ManagementClusterStatus": {
        "type": "object",
        "properties": {
          "name": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "state": {
            "$ref": "#/components/schemas/SyncState"
          },
          "since": {
            "type": "string",
            "format": "date-time"
          },
          "message": {
            "type": "string"
          },
          "clusters": {
            "type": "integer"
          },
          "apiVersions": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          },
          "apiRequests": {
            "type": "integer",
            "description": "Requests made to the management cluster since start (lists, watches, writes)"
          }
        },
        "required": [
          "name",
          "title",
          "state",
          "since",
          "clusters",
          "apiVersions",
          "apiRequests"
        ]
      },
      "ClusterSummary": {
        "type": "object",
        "properties": {
          "managementCluster": {
            "type": "string"
          },
          "namespace": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "uid": {
            "type": "string"
          },
          "verdict": {
            "$ref": "#/components/schemas/Verdict"
          },
          "reasons": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "severity": {
                  "type": "string",
                  "enum": [
                    "error",
                    "warning",
                    "info"
                  ]
                },
                "object": {
                  "type": "string",
                  "description": "Kind/name"
                },
                "conditionType": {
                  "type": "string"
                },
                "reason": {
                  "type": "string"
                },
                "message": {
                  "type": "string"
                }
              },
              "required": [
                "severity",
                "object"
              ]
            }
          },
          "version": {
            "type": "string"
          },
          "versions": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "controlPlane": {
            "$ref": "#/components/schemas/ReplicaCounters"
          },
          "workers": {
            "$ref": "#/components/schemas/ReplicaCounters"
          },
          "owner": {
            "type": "string"
          },
          "magnum": {
            "type": "boolean"
          },
          "classy": {
            "type": "boolean"
          },
          "className": {
            "type": "string"
          },
          "paused": {
            "type": "boolean"
          },
          "phase": {
            "type": "string"
          },
          "createdAt": {
            "type": "string",
            "format": "date-time"
          },
          "resourceVersion": {
            "type": "string"
          }
        },
        "required": [
          "managementCluster",
          "namespace",
          "name",
          "verdict",
          "reasons",
          "versions",
          "controlPlane",
          "workers",
          "owner",
          "magnum",
          "classy",
          "paused"
        ]
      },
      "ClusterListResponse": {
        "type": "object",
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ClusterSummary"
            }
          },
          "totalCount": {
            "type": "integer"
          },
          "verdictCounts": {
            "type": "object",
            "additionalProperties": {
              "type": "integer"
            }
          },
          "managementClusters": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ManagementClusterStatus"
            }
          }
        },
        "required": [
          "items",
          "totalCount",
          "verdictCounts",
          "managementClusters"
        ]
      },
      "VerdictReason": {
        "type": "object",
        "properties": {
          "object": {
            "type": "object",
            "properties": {
              "kind": {
                "type": "string"
              },
              "name": {
                "type": "string"
              }
            },
            "required": [
              "kind",
              "name"
            ]
          },
          "conditionType": {
            "type": "string"
          },
          "reason": {
            "type": "string"
          },
          "message": {
            "type": "string"
          },
          "since": {
            "type": "string",
            "format": "date-time"
          },
          "severity": {
            "type": "string",
            "enum": [
              "error",
              "warning",
              "info"
            ]
          }
        },
        "required": [
          "object",
          "severity"
        ]
      },
      "ClusterHealth": {
        "type": "object",
        "properties": {
          "verdict": {
            "$ref": "#/components/schemas/Verdict"
          },
          "reasons": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/VerdictReason"
            }
          },
          "evaluatedAt": {
            "type": "string",
            "format": "date-time"
          },
          "lastKnownVerdict": {
            "$ref": "#/components/schemas/Verdict"
          }
        },
        "required": [
          "verdict",
          "reasons",
          "evaluatedAt"
        ]
      },
      "ClusterTree": {
        "type": "object",
        "description": "Cluster → control plane → pools (MachineDeployments with their MachineSets) →\nmachines → OpenStack servers, plus the OpenStackCluster (network, subnets, router,\nAPI load balancer, bastion, failure domains), MachineHealthChecks, versions and\ntopology. See `ClusterTree` in the -common package for every field.\n",
        "properties": {
          "name": {
            "type": "string"
          },
          "namespace": {
            "type": "string"
          },
          "apiVersion": {
            "type": "string"
          },
          "phase": {
            "type": "string"
          },
          "conditions": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": true
            }
          },
          "counters": {
            "type": "object",
            "additionalProperties": true
          },
          "controlPlane": {
            "type": "object",
            "additionalProperties": true
          },
          "pools": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": true
            }
          },
          "machines": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": true
            }
          },
          "infrastructure": {
            "type": "object",
            "additionalProperties": true
          },
          "machineHealthChecks": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": true
            }
          },
          "versions": {
            "type": "object",
            "additionalProperties": true
          },
          "topology": {
            "type": "object",
            "additionalProperties": true
          },
          "classy": {
            "type": "boolean"
          },
          "magnum": {
            "type": "object",
            "additionalProperties": true
          },
          "paused": {
            "type": "boolean"
          },
          "deletion": {
            "type": "object",
            "additionalProperties": true
          },
          "apiGroupVersions": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        },
        "required": [
          "name",
          "namespace",
          "apiVersion",
          "conditions",
          "counters",
          "pools",
          "machines",
          "machineHealthChecks",
          "versions",
          "classy",
          "magnum",
          "paused",
          "apiGroupVersions"
        ],
        "additionalProperties": true
      },
      "ClusterDetailResponse": {
        "type": "object",
        "properties": {
          "summary": {
            "$ref": "#/components/schemas/ClusterSummary"
          },
          "health": {
            "$ref": "#/components/schemas/ClusterHealth"
          },
          "tree": {
            "$ref": "#/components/schemas/ClusterTree"
          },
          "managementCluster": {
            "$ref": "#/components/schemas/ManagementClusterStatus"
          }
        },
        "required": [
          "summary",
          "health",
          "tree",
          "managementCluster"
        ]
      },
      "ClusterTimelineEntry": {
        "type": "object",
        "properties": {
          "time": {
            "type": "string",
            "format": "date-time"
          },
          "source": {
            "type": "string",
            "enum": [
              "event",
              "condition"
            ]
          },
          "type": {
            "type": "string",
            "enum": [
              "Normal",
              "Warning"
            ]
          },
          "object": {
            "type": "object",
            "properties": {
              "kind": {
                "type": "string"
              },
              "name": {
                "type": "string"
              }
            },
            "required": [
              "kind",
              "name"
            ]
          },
          "reason": {
            "type": "string"
          },
          "message": {
            "type": "string"
          },
          "count": {
            "type": "integer"
          },
          "condition": {
            "type": "object",
            "properties": {
              "type": {
                "type": "string"
              },
              "status": {
                "type": "string"
              }
            },
            "required": [
              "type",
              "status"
            ]
          }
        },
        "required": [
          "time",
          "source",
          "type",
          "object"
        ]
      },
      "StreamChanges": {
        "type": "object",
        "properties": {
          "upserted": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ClusterSummary"
            }
          },
          "removed": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "managementCluster": {
                  "type": "string"
                },
                "namespace": {
                  "type": "string"
                },
                "name": {
                  "type": "string"
                }
              },
              "required": [
                "managementCluster",
                "namespace",
                "name"
              ]
            }
          },
          "managementClusters": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ManagementClusterStatus"
            }
          }
        },
        "required": [
          "upserted",
          "removed",
          "managementClusters"
        ]
      }
    }
  }
} as const;
