import { describePracticeCases, type PracticeCase } from './practice-cases.js';

// The networking tests (services, DNS, ingress, ingress-nginx, network policies, load balancers)
// run as hunch runs them: the real kubectl, bash, awk and openssl against the practice cluster.
// The healthy baseline reads healthy where nothing is wrong; each incident scenario reads as the
// fault it hides, and the same test reads the other way in the baseline, so a rule that misreads
// real kubectl output, or a script that breaks on it, fails here even when its examples pass.

const shop = { namespace: 'shop' };
const postgres = { namespace: 'data', pod: 'postgres-0' };
const shopIngress = { namespace: 'shop', ingress: 'shop' };

const SCENARIOS: Record<string, PracticeCase[]> = {
  healthy: [
    { test: 'service-endpoints-ready', values: { ...shop, service: 'checkout' }, outcome: 'healthy' },
    { test: 'service-selector-matches-pods', values: { ...shop, service: 'checkout' }, outcome: 'healthy' },
    { test: 'service-endpointslices-ready', values: { ...shop, service: 'checkout' }, outcome: 'healthy', finding: /\d+ ready endpoint/ },
    { test: 'service-namespace-without-endpoints', values: shop, outcome: 'healthy' },
    { test: 'service-target-port-matches-container', values: { ...shop, service: 'checkout' }, outcome: 'healthy' },
    { test: 'service-port-names', values: { ...shop, service: 'frontend' }, outcome: 'healthy' },
    { test: 'service-session-affinity', values: { ...shop, service: 'frontend' }, outcome: 'healthy' },
    { test: 'service-type-exposure', values: { ...shop, service: 'frontend' }, outcome: 'anomaly', finding: /ClusterIP/ },
    { test: 'service-type-exposure', values: { namespace: 'ingress-nginx', service: 'ingress-nginx-controller' }, outcome: 'healthy', finding: /load balancer/ },
    { test: 'service-externalname-target', values: { ...shop, service: 'frontend' }, outcome: 'inconclusive' },
    { test: 'service-kube-proxy-pods', outcome: 'healthy' },
    { test: 'dns-coredns-pods-ready', outcome: 'healthy' },
    { test: 'dns-corefile-config', outcome: 'healthy', finding: /forwards other names/ },
    { test: 'dns-kube-dns-endpoints', outcome: 'healthy' },
    { test: 'dns-nodelocaldns-ready', outcome: 'inconclusive' },
    { test: 'dns-pod-dns-policy', values: postgres, outcome: 'healthy' },
    { test: 'netpol-selecting-pod', values: postgres, outcome: 'anomaly', finding: /postgres-ingress/ },
    { test: 'netpol-ingress-from-namespace', values: { ...postgres, source_namespace: 'shop' }, outcome: 'healthy', finding: /postgres-ingress rule 1/ },
    { test: 'netpol-ingress-from-namespace', values: { ...postgres, source_namespace: 'ingress-nginx' }, outcome: 'anomaly' },
    { test: 'netpol-egress-dns-allowed', values: postgres, outcome: 'healthy', finding: /not filtered/ },
    { test: 'netpol-namespace-selectors-match', values: { namespace: 'data' }, outcome: 'healthy' },
    { test: 'netpol-pod-selector-matches', values: { namespace: 'data' }, outcome: 'healthy' },
    { test: 'netpol-default-deny', values: { namespace: 'data' }, outcome: 'healthy' },
    { test: 'netpol-enforcing-cni', outcome: 'healthy', finding: /calico/ },
    { test: 'ingress-rules', values: shopIngress, outcome: 'healthy' },
    { test: 'ingress-backend-services', values: shopIngress, outcome: 'healthy' },
    { test: 'ingress-class', values: shopIngress, outcome: 'healthy', finding: /nginx/ },
    { test: 'ingress-tls-secret', values: shopIngress, outcome: 'healthy' },
    { test: 'ingress-address-assigned', values: shop, outcome: 'healthy' },
    { test: 'ingress-path-type', values: shopIngress, outcome: 'healthy' },
    { test: 'ingress-host-path-routing', values: { request_host: 'shop.example.com', request_path: '/checkout/pay' }, outcome: 'healthy', finding: /path \/checkout \(Prefix\) -> checkout/ },
    { test: 'ingress-host-path-routing', values: { request_host: 'unknown.example.com', request_path: '/' }, outcome: 'anomaly', finding: /NO RULE/ },
    { test: 'ingress-host-conflict', outcome: 'healthy' },
    { test: 'ingress-nginx-controller-pods', outcome: 'healthy' },
    { test: 'ingress-nginx-upstream-errors', outcome: 'healthy' },
    { test: 'ingress-nginx-5xx-responses', outcome: 'healthy' },
    { test: 'ingress-nginx-upstream-prematurely-closed', outcome: 'healthy' },
    { test: 'ingress-nginx-ingress-class', outcome: 'healthy' },
    { test: 'ingress-nginx-backend-protocol', values: shopIngress, outcome: 'healthy' },
    { test: 'ingress-nginx-body-size', values: { ...shopIngress, request_size_mb: '5' }, outcome: 'healthy', finding: /8m from annotation/ },
    { test: 'ingress-nginx-body-size', values: { ...shopIngress, request_size_mb: '20' }, outcome: 'anomaly', finding: /413/ },
  ],
  'checkout-502': [
    { test: 'service-endpointslices-ready', values: { ...shop, service: 'checkout' }, outcome: 'anomaly', finding: /none of the \d+ endpoint/ },
    { test: 'service-namespace-without-endpoints', values: shop, outcome: 'anomaly', finding: /checkout/ },
    { test: 'ingress-backend-services', values: shopIngress, outcome: 'anomaly', finding: /checkout:http: NO READY ENDPOINTS/ },
    { test: 'ingress-nginx-5xx-responses', outcome: 'anomaly', finding: /503/ },
  ],
  'dns-broken': [
    { test: 'dns-corefile-config', outcome: 'anomaly', finding: /forwad/ },
    { test: 'dns-kube-dns-endpoints', outcome: 'anomaly', finding: /no ready endpoint/ },
  ],
  'postgres-blocked': [
    { test: 'netpol-ingress-from-namespace', values: { ...postgres, source_namespace: 'shop' }, outcome: 'anomaly', finding: /none admits namespace shop/ },
    { test: 'netpol-namespace-selectors-match', values: { namespace: 'data' }, outcome: 'anomaly', finding: /team=payments matches 0/ },
  ],
};

describePracticeCases('networking', SCENARIOS);
