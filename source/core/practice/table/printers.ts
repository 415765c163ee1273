import type { PrinterColumn, ResourceType } from '../api/resource-types.js';
import type { KubeObject } from '../objects.js';
import {
  apiServicePrinter,
  componentStatusPrinter,
  configMapPrinter,
  leasePrinter,
  nameAndAge,
  nameAndCreated,
  namespacePrinter,
  nodePrinter,
  priorityClassPrinter,
  pvPrinter,
  pvcPrinter,
  resourceQuotaPrinter,
  roleBindingPrinter,
  secretPrinter,
  serviceAccountPrinter,
  storageClassPrinter,
} from './cluster-printers.js';
import { AGE, NAME, column, type KindPrinter } from './columns.js';
import { eventPrinter } from './event-printer.js';
import { ageSince } from './format.js';
import { endpointSlicePrinter, endpointsPrinter, ingressClassPrinter, ingressPrinter, networkPolicyPrinter, servicePrinter } from './network-printers.js';
import { podPrinter } from './pod-printer.js';
import { evaluateJsonPath } from './simple-json-path.js';
import { cronJobPrinter, daemonSetPrinter, deploymentPrinter, hpaPrinter, jobPrinter, pdbPrinter, replicaSetPrinter, statefulSetPrinter } from './workload-printers.js';

/** Printers by `group/Kind`; kinds without one get the server's default Name / Created At table. */
const PRINTERS: Readonly<Record<string, KindPrinter>> = {
  '/Pod': podPrinter,
  '/Namespace': namespacePrinter,
  '/Node': nodePrinter,
  '/Service': servicePrinter,
  '/Endpoints': endpointsPrinter,
  '/Event': eventPrinter,
  '/ConfigMap': configMapPrinter,
  '/Secret': secretPrinter,
  '/ServiceAccount': serviceAccountPrinter,
  '/PersistentVolumeClaim': pvcPrinter,
  '/PersistentVolume': pvPrinter,
  '/ResourceQuota': resourceQuotaPrinter,
  '/ComponentStatus': componentStatusPrinter,
  'apps/Deployment': deploymentPrinter,
  'apps/ReplicaSet': replicaSetPrinter,
  'apps/StatefulSet': statefulSetPrinter,
  'apps/DaemonSet': daemonSetPrinter,
  'batch/Job': jobPrinter,
  'batch/CronJob': cronJobPrinter,
  'autoscaling/HorizontalPodAutoscaler': hpaPrinter,
  'policy/PodDisruptionBudget': pdbPrinter,
  'networking.k8s.io/Ingress': ingressPrinter,
  'networking.k8s.io/IngressClass': ingressClassPrinter,
  'networking.k8s.io/NetworkPolicy': networkPolicyPrinter,
  'discovery.k8s.io/EndpointSlice': endpointSlicePrinter,
  'rbac.authorization.k8s.io/RoleBinding': roleBindingPrinter,
  'rbac.authorization.k8s.io/ClusterRoleBinding': roleBindingPrinter,
  'storage.k8s.io/StorageClass': storageClassPrinter,
  'coordination.k8s.io/Lease': leasePrinter,
  'scheduling.k8s.io/PriorityClass': priorityClassPrinter,
  'apiregistration.k8s.io/APIService': apiServicePrinter,
};

export function printerFor(type: ResourceType): KindPrinter {
  if (type.printerColumns) return customResourcePrinter(type.printerColumns);
  return PRINTERS[`${type.group}/${type.kind}`] ?? nameAndCreated;
}

/** A custom resource's table from its CRD's additionalPrinterColumns; dates become ages, as the server does. */
function customResourcePrinter(printerColumns: readonly PrinterColumn[]): KindPrinter {
  if (printerColumns.length === 0) return nameAndAge;
  return {
    columns: [NAME, ...printerColumns.map((c) => (c.type === 'date' && c.name === 'Age' ? AGE : column(c.name, { type: c.type, format: c.format ?? '', wide: (c.priority ?? 0) > 0, description: c.description ?? c.name })))],
    cells: (object: KubeObject, { now }) => [
      object.metadata.name,
      ...printerColumns.map((c) => {
        const values = evaluateJsonPath(object, c.jsonPath);
        if (values.length === 0) return null;
        if (c.type === 'date') return ageSince(values[0], now);
        return values.length === 1 ? scalar(values[0]) : values.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(',');
      }),
    ],
  };
}

function scalar(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** A meta.k8s.io/v1 Table: what `kubectl get` asks for and prints column by column. */
export function buildTable(type: ResourceType, objects: readonly KubeObject[], options: { now: number; includeObject: IncludeObject; resourceVersion: string }): object {
  const printer = printerFor(type);
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: options.resourceVersion },
    columnDefinitions: printer.columns,
    rows: objects.map((object) => ({
      cells: printer.cells(object, { now: options.now }),
      ...(options.includeObject === 'None'
        ? {}
        : { object: options.includeObject === 'Object' ? object : { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata } }),
    })),
  };
}
