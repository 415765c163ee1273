/**
 * Ordinary troubleshooting output with no secret in it. Redaction must leave every byte alone:
 * an SRE reading a report with evidence blanked out cannot act on it.
 */
export type OrdinaryCase = { id: string; command: string; output: string };

export const ORDINARY_CASES: OrdinaryCase[] = [
  {
    id: 'kubectl-get-pods',
    command: 'kubectl get pods -n shop -o wide',
    output: `NAME                         READY   STATUS             RESTARTS        AGE   IP            NODE           NOMINATED NODE   READINESS GATES
api-6d5f7c9b8-2xkqp          1/1     Running            0               3d    10.244.1.17   worker-1       <none>           <none>
orders-7c9d8-xk2p            0/1     CrashLoopBackOff   14 (2m ago)     48m   10.244.2.31   worker-2       <none>           <none>
postgres-0                   1/1     Running            0               12d   10.244.1.9    worker-1       <none>           <none>
redis-master-0               1/1     Running            1 (5d ago)      12d   10.244.2.4    worker-2       <none>           <none>
token-refresher-28901233-q   0/1     Completed          0               4m    10.244.1.40   worker-1       <none>           <none>
`,
  },
  {
    id: 'kubectl-describe-pod',
    command: 'kubectl describe pod orders-7c9d8-xk2p -n shop',
    output: `Name:             orders-7c9d8-xk2p
Namespace:        shop
Priority:         0
Service Account:  orders
Node:             worker-2/172.18.0.4
Start Time:       Sat, 28 Nov 2026 01:26:11 +0000
Labels:           app=orders
                  pod-template-hash=7c9d8
Status:           Running
IP:               10.244.2.31
Controlled By:    ReplicaSet/orders-7c9d8
Containers:
  orders:
    Container ID:   containerd://4f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4
    Image:          registry.example.com/shop/orders:1.42.0
    Port:           8080/TCP
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       Error
      Exit Code:    1
    Ready:          False
    Restart Count:  14
    Limits:
      memory:  512Mi
    Requests:
      cpu:      100m
      memory:   256Mi
    Liveness:   http-get http://:8080/healthz delay=10s timeout=1s period=10s #success=1 #failure=3
    Environment:
      LOG_LEVEL:     info
      DB_HOST:       postgres.shop.svc
      DB_PASSWORD:   <set to the key 'password' in secret 'db-credentials'>  Optional: false
      API_TOKEN:     <set to the key 'token' in secret 'api-token'>  Optional: false
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-7xk2p (ro)
Volumes:
  db-credentials:
    Type:        Secret (a volume populated by a Secret)
    SecretName:  db-credentials
    Optional:    false
  kube-api-access-7xk2p:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
QoS Class:                   Burstable
Events:
  Type     Reason     Age                 From               Message
  ----     ------     ----                ----               -------
  Normal   Pulled     3m (x15 over 48m)   kubelet            Container image "registry.example.com/shop/orders:1.42.0" already present on machine
  Warning  BackOff    2m (x210 over 48m)  kubelet            Back-off restarting failed container orders in pod orders-7c9d8-xk2p_shop(3c1b…)
`,
  },
  {
    id: 'kubectl-get-events',
    command: 'kubectl get events -n shop --sort-by=.lastTimestamp',
    output: `LAST SEEN   TYPE      REASON             OBJECT                        MESSAGE
48m         Normal    Scheduled          pod/orders-7c9d8-xk2p         Successfully assigned shop/orders-7c9d8-xk2p to worker-2
12m         Warning   FailedMount        pod/reports-0                 MountVolume.SetUp failed for volume "db-secret" : secret "reports-db" not found
5m          Warning   Unhealthy          pod/api-6d5f7c9b8-2xkqp       Readiness probe failed: HTTP probe failed with statuscode: 503
2m          Warning   BackOff            pod/orders-7c9d8-xk2p         Back-off restarting failed container orders in pod orders-7c9d8-xk2p_shop
1m          Warning   FailedScheduling   pod/batch-28901240-7qz        0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available
`,
  },
  {
    id: 'kubectl-logs',
    command: 'kubectl logs orders-7c9d8-xk2p -n shop --previous',
    output: `2026-11-28T02:13:55.001Z INFO  starting orders service version=1.42.0 commit=9f3c2b1
2026-11-28T02:13:55.120Z INFO  connecting to postgres host=postgres.shop.svc port=5432 db=orders user=orders
2026-11-28T02:13:55.340Z ERROR pq: sorry, too many clients already
2026-11-28T02:13:55.341Z ERROR password authentication is not the problem: the server refused a new connection
2026-11-28T02:13:55.342Z INFO  token bucket refilled rate=100/s
2026-11-28T02:13:55.343Z FATAL cannot start without a database connection
`,
  },
  {
    id: 'kubectl-get-secrets-list',
    command: 'kubectl get secrets -n shop',
    output: `NAME               TYPE                                  DATA   AGE
db-credentials     Opaque                                2      12d
registry-pull      kubernetes.io/dockerconfigjson        1      40d
shop-tls           kubernetes.io/tls                     2      40d
`,
  },
  {
    id: 'kubectl-describe-secret',
    command: 'kubectl describe secret db-credentials -n shop',
    output: `Name:         db-credentials
Namespace:    shop
Labels:       <none>
Annotations:  <none>

Type:  Opaque

Data
====
password:  19 bytes
username:  8 bytes
`,
  },
  {
    id: 'kubectl-get-configmap-yaml',
    command: 'kubectl get configmap orders-config -n shop -o yaml',
    output: `apiVersion: v1
data:
  DB_HOST: postgres.shop.svc
  DB_POOL_SIZE: "20"
  FEATURE_FLAGS: checkout-v2,fast-cart
kind: ConfigMap
metadata:
  name: orders-config
  namespace: shop
`,
  },
  {
    id: 'kubectl-config-view',
    command: 'kubectl config view --minify',
    output: `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: https://10.0.0.1:6443
  name: prod-eu
contexts:
- context:
    cluster: prod-eu
    namespace: shop
    user: admin
  name: prod-eu
current-context: prod-eu
kind: Config
users:
- name: admin
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
    token: REDACTED
`,
  },
  {
    id: 'psql-query-results',
    command: "psql -c 'select usename, application_name, state, count(*) from pg_stat_activity group by 1,2,3'",
    output: ` usename  | application_name |        state        | count
----------+------------------+---------------------+-------
 orders   | orders           | idle                |    87
 orders   | orders           | idle in transaction |    11
 postgres | psql             | active              |     1
 reporting| metabase         | idle                |     2
(4 rows)

 max_connections
-----------------
 100
(1 row)
`,
  },
  {
    id: 'redis-cli-info',
    command: 'redis-cli INFO',
    output: `# Server
redis_version:7.2.4
redis_mode:standalone
os:Linux 6.1.0-18-amd64 x86_64
tcp_port:6379
uptime_in_seconds:1036812
config_file:/opt/bitnami/redis/etc/redis.conf

# Clients
connected_clients:9981
blocked_clients:0
maxclients:10000

# Memory
used_memory_human:1.98G
maxmemory_human:2.00G
maxmemory_policy:noeviction
mem_fragmentation_ratio:1.07

# Stats
rejected_connections:412
evicted_keys:0
keyspace_hits:88213772
keyspace_misses:1201877

# Replication
role:master
connected_slaves:1
slave0:ip=10.244.2.9,port=6379,state=online,offset=992812736,lag=0
`,
  },
  {
    id: 'helm-status',
    command: 'helm status shop-db -n shop',
    output: `NAME: shop-db
LAST DEPLOYED: Fri Nov 27 21:04:11 2026
NAMESPACE: shop
STATUS: deployed
REVISION: 7
TEST SUITE: None
NOTES:
CHART NAME: postgresql
CHART VERSION: 15.5.20
APP VERSION: 16.4.0

** Please be patient while the chart is being deployed **

PostgreSQL can be accessed via port 5432 on the following DNS names from within your cluster:

    shop-db-postgresql.shop.svc.cluster.local - Read/Write connection

To get the password for "postgres" run:

    export POSTGRES_PASSWORD=$(kubectl get secret --namespace shop shop-db-postgresql -o jsonpath="{.data.postgres-password}" | base64 -d)

To connect to your database run the following command:

    kubectl run shop-db-postgresql-client --rm --tty -i --restart='Never' --namespace shop --image docker.io/bitnami/postgresql:16.4.0-debian-12-r0 --env="PGPASSWORD=$POSTGRES_PASSWORD" \\
      --command -- psql --host shop-db-postgresql -U postgres -d postgres -p 5432
`,
  },
  {
    id: 'kubectl-auth-can-i',
    command: 'kubectl auth can-i --list -n shop',
    output: `Resources                                       Non-Resource URLs   Resource Names   Verbs
selfsubjectreviews.authentication.k8s.io        []                  []               [create]
selfsubjectaccessreviews.authorization.k8s.io   []                  []               [create]
secrets                                         []                  []               [get list]
pods/log                                        []                  []               [get]
`,
  },
  {
    id: 'ingress-and-service-describe',
    command: 'kubectl describe ingress shop -n shop',
    output: `Name:             shop
Namespace:        shop
Ingress Class:    nginx
Default backend:  <default>
TLS:
  shop-tls terminates shop.example.com
Rules:
  Host              Path  Backends
  ----              ----  --------
  shop.example.com
                    /api   api:8080 (10.244.1.17:8080)
                    /      web:80 (<error: endpoints "web" not found>)
Annotations:        nginx.ingress.kubernetes.io/auth-url: https://auth.shop.example.com/oauth2/auth
                    nginx.ingress.kubernetes.io/auth-signin: https://auth.shop.example.com/oauth2/start?rd=$escaped_request_uri
Events:             <none>
`,
  },
  {
    id: 'openssl-cert-check',
    command: 'openssl s_client -connect shop.example.com:443 -servername shop.example.com',
    output: `CONNECTED(00000003)
depth=0 CN = shop.example.com
verify error:num=10:certificate has expired
notAfter=Nov 20 12:00:00 2026 GMT
---
Certificate chain
 0 s:CN = shop.example.com
   i:C = US, O = Let's Encrypt, CN = R11
-----BEGIN CERTIFICATE-----
MIIBkTCB+wIJAKHbCfMQglvWMA0GCSqGSIb3DQEBCwUAMBExDzANBgNVBAMMBmV4
YW1wbGUwHhcNMjYxMTIwMTIwMDAwWhcNMjYxMTIwMTIwMDAwWjARMQ8wDQYDVQQD
-----END CERTIFICATE-----
---
SSL handshake has read 2911 bytes and written 395 bytes
Verify return code: 10 (certificate has expired)
`,
  },
];
