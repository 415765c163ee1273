/**
 * Realistic command output with secrets in it. Every value is fake but has the shape of the real
 * thing (length, alphabet, prefix), so the detectors are tested on what they will meet.
 * `secrets` lists each value that must not appear in any export; `kinds` the markers expected.
 */
export type SecretCase = { id: string; command: string; output: string; secrets: string[]; kinds: string[] };

const PEM_BODY = [
  'MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB',
  'vauP7/L7V21jxUdcfQm9+seB1qRmUR8AK3R2GgLLT/ZQISA/pQyOMqlfZZgZMnaf',
  'y8hWskBf6wmxe1mbVrNHMx1eOc3g/fp1Z5ibXt80nk8Btb2abplBpq8cJF5xgUsk',
  'L/6GgebhbkXNNv+hOV48vsoUu19X5IQLJhQbtN2FWXWD5KaPHI2ufKssJ/Sk+WzD',
  'NhY7AGbX6lTiDYHP9zyBylxLUTZtFf/VnV7ktOdSJcmeA+BHJ2m5qGeRzxWkdgeV',
];
const EC_BODY = ['MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5NnHqCnpJ8uNyoAoGCCqGSM49', 'AwEHoUQDQgAE6+iYplGODlYx5uVECweGThdgH9hmsOazM4n8PVGXpV9Wv4Esb7ye'];
const PKCS8_BODY = ['MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDIWG2x9aJTFMP9', 'PD9oUsQChx5s4tI10FtdILQvH+nO69othB9KpGzU3HEEmXL1uhLsc4Rr4aKxU3f0'];
const OPENSSH_BODY = ['b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW', 'QyNTUxOQAAACBlmXJ0q8gk3vZCpZ5q4TWGfeYk8PD2lVk1ZcLq7r0xBwAAAJgKcPq9CnD6'];

const JWT_SA =
  'eyJhbGciOiAiUlMyNTYiLCAia2lkIjogIm1ITVBHUFBBME5sR3RldE9kNFVZIn0.eyJpc3MiOiAiaHR0cHM6Ly9rdWJlcm5ldGVzLmRlZmF1bHQuc3ZjLmNsdXN0ZXIubG9jYWwiLCAic3ViIjogInN5c3RlbTpzZXJ2aWNlYWNjb3VudDpzaG9wOmFwaSIsICJhdWQiOiBbImh0dHBzOi8va3ViZXJuZXRlcy5kZWZhdWx0LnN2YyJdLCAiZXhwIjogMTkwMDAwMDAwMH0.ereJAWDYb77pdxS9p3MsOf8aQjukCR9V5L_ssfHYQ7YNRKKNrW-vyeqF-ENLpO335DcV4YEDK0LnPNe-M_Eov-pTMeFjVJk9Yejaoeux-6rX-ol4eNaHsgHbBm_0uTuS4k7KNmSflROQ6SslCAYcG5_tKVj6JLMHBwojsaSiCrIRvAsQ25fDXTPR9NGI5KoQ4d7B6rbxYhs_NDQcCAjz2enPwKIW08ChoUl6GSEZysGlNEtRVmxCBVlB7kgMt8Je6VLE9pqAedlJnr4HyWkHb4TFGVh4tAyJkDe23NMXk9FJK28AhjNJw8D6DQFZfRh9scvTL_d-l1j11INCk_EoSA';
const JWT_OIDC =
  'eyJhbGciOiAiUlMyNTYiLCAia2lkIjogIm1ITVBHUFBBME5sR3RldE9kNFVZIn0.eyJpc3MiOiAiaHR0cHM6Ly9hY2NvdW50cy5nb29nbGUuY29tIiwgImVtYWlsIjogImRldkBleGFtcGxlLmNvbSIsICJleHAiOiAxOTAwMDAwMDAwfQ.0Dbwszt_KhzwosQUfcn9so_JGqBTWxhm7WXk474WbOOlBl80TUNt5ouAK2H74qE78XUgiJjBsMCapQhZlFOFJ97Xc6mNvVIrdnCwxUGUOyBVdqTisjyBMURNwbTT154nuSf5P7lTmoVZKTxT9DBC-fS6_hoq9qgaMmIm-yXLTbtMb0YyG6PpG0c04mN2CANm2spvsTiA-6FLdgUkQZq8ZwG9PujabrOSlr-la9g6qrin4eDGpLOV2jqtLqQfdG5QQqCzGeVrPshmtrahKEDZbHt0BZ_baISsqe7fLuSnU8cCY9R96PkbCUCLNym3yPPwM4RZGdiTdIo0t3mDBKPK1A';
const CLIENT_KEY_DATA =
  'LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQoxTzM4RmZhQTZXRWkzUXJwbEsxeGNrU3hLTTJhd0g3QzlIZWh3VHAwMTM2dVhUM3lLVzVkczNnOVVGQ0diSFpJaWJwOWZvTmxrZ3RxSjA5YmJnN1NWbXFiMU1PS0RIcFNDZ3czZ1RsY3JoREZMR1dyaGhoejRpSUxvM29qUUtEVnprODBiOE95U0FNMU1IY3o4ZFh4dnpwMXZUQjFLWjZ1MHoySmR1SGo5Ujd3cDNCUU9heGdIbGV1Qm1HUWJvaUF6WDdET2NaNAotLS0tLUVORCBSU0EgUFJJVkFURSBLRVktLS0tLQo=';
const AWS_SESSION =
  'IQoJb3JpZ2luX2VjWKFLf6xuI5aHUQPFeNBTxaQWk8JzFalHlsZfYcMMDktXP+tKsf2rcDkdfrUnW5gcF/Ha6ili8GjHEAD6+Wj9KfzjsQGMrb9h/ImB/LK777pzNk8cL6j5IXAAjlsHUqJoUD+/Ydua/5ZMs1SWOpQaPRYpzbLGViYXjU2JgJngKtFI3OyV2dZAkg05rK/gqv81RKMGHZEM9YpvujA+C5Q52ryFlwRlOEVHzc0X0AWIRh+JUqBlIFXZ53Ncqe28/ajY75FnCttn6kfaqDeMqG3omjMyXHCabM6JOF8EFd0Nhcy+==';

export const SECRET_CASES: SecretCase[] = [
  {
    id: 'kubectl-get-secret-yaml',
    command: 'kubectl get secret db-credentials -n shop -o yaml',
    output: `apiVersion: v1
data:
  password: VHIwdWI0ZG9yJjMtc2hvcC1kYg==
  username: c2hvcF9hcHA=
kind: Secret
metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"v1","kind":"Secret","metadata":{"annotations":{},"name":"db-credentials","namespace":"shop"},"stringData":{"admin-password":"Kx9#mQ2$vLp7!wRz-admin"},"type":"Opaque"}
  creationTimestamp: "2026-11-27T21:04:11Z"
  name: db-credentials
  namespace: shop
  resourceVersion: "48213"
  uid: 5b1c7d2e-9a41-4e0c-8f36-0d2b9f1c4a77
type: Opaque
`,
    secrets: ['VHIwdWI0ZG9yJjMtc2hvcC1kYg==', 'c2hvcF9hcHA=', 'Kx9#mQ2$vLp7!wRz-admin'],
    kinds: ['secret-data'],
  },
  {
    id: 'kubectl-get-secret-json',
    command: 'kubectl get secret api-keys -n shop -o json',
    output: `{
    "apiVersion": "v1",
    "data": {
        "stripe-key": "c2tfbGl2ZV9wazVhY2RJYnpscGtkNlhnYU5KUThtakE=",
        "webhook-signing": "d2hzZWNfM2Y5YTFjOGI3ZTJkNGY2YTViMGMxZTlkOGY3YTZiNWM="
    },
    "kind": "Secret",
    "metadata": {
        "creationTimestamp": "2026-11-20T08:12:40Z",
        "name": "api-keys",
        "namespace": "shop",
        "resourceVersion": "30122",
        "uid": "0e8f3c1a-6b2d-4c9e-a7f1-2d3e4f5a6b7c"
    },
    "type": "Opaque"
}
`,
    secrets: ['c2tfbGl2ZV9wazVhY2RJYnpscGtkNlhnYU5KUThtakE=', 'd2hzZWNfM2Y5YTFjOGI3ZTJkNGY2YTViMGMxZTlkOGY3YTZiNWM='],
    kinds: ['secret-data'],
  },
  {
    id: 'kubectl-get-secrets-list-tls-and-docker',
    command: 'kubectl get secrets -n shop -o yaml',
    output: `apiVersion: v1
items:
- apiVersion: v1
  data:
    tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJrVENCK3dJSkFLSGJDZk1RZ2x2V01BMEdDU3FHU0liM0RRRUJDd1VBTUJFeER6QU5CZ05WQkFNTUJtVjQKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=
    tls.key: ${CLIENT_KEY_DATA}
  kind: Secret
  metadata:
    name: shop-tls
    namespace: shop
  type: kubernetes.io/tls
- apiVersion: v1
  data:
    .dockerconfigjson: eyJhdXRocyI6IHsicmVnaXN0cnkuZXhhbXBsZS5jb20iOiB7InVzZXJuYW1lIjogImNpLWJvdCIsICJwYXNzd29yZCI6ICJwdy1abUx0bWFlU1VIQTFVNmRIWnd2cyIsICJhdXRoIjogIngifX19
  kind: Secret
  metadata:
    name: registry-pull
    namespace: shop
  type: kubernetes.io/dockerconfigjson
kind: List
metadata:
  resourceVersion: ""
`,
    secrets: [
      CLIENT_KEY_DATA,
      'eyJhdXRocyI6IHsicmVnaXN0cnkuZXhhbXBsZS5jb20iOiB7InVzZXJuYW1lIjogImNpLWJvdCIsICJwYXNzd29yZCI6ICJwdy1abUx0bWFlU1VIQTFVNmRIWnd2cyIsICJhdXRoIjogIngifX19',
    ],
    kinds: ['secret-data'],
  },
  {
    id: 'secret-manifest-stringdata-with-kind-first',
    command: 'cat k8s/redis-auth.yaml',
    output: `---
apiVersion: v1
kind: Secret
metadata:
  name: redis-auth
stringData:
  redis-password: "r3d1s-Pa55w0rd-2026"
  users.acl: |
    user default on >acl-secret-9f8e7d6c ~* &* +@all
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: redis-config
data:
  maxmemory-policy: allkeys-lru
`,
    secrets: ['r3d1s-Pa55w0rd-2026', 'acl-secret-9f8e7d6c'],
    kinds: ['secret-data'],
  },
  {
    id: 'service-account-token-secret',
    command: 'kubectl get secret api-token -n shop -o yaml',
    output: `apiVersion: v1
data:
  ca.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t
  namespace: c2hvcA==
  token: ZXlKaGJHY2lPaUpTVXpJMU5pSXNJbXRwWkNJNklqRWlmUS5leUp6ZFdJaU9pSnplWE4wWlcwNmMyVnlkbWxq
kind: Secret
metadata:
  annotations:
    kubernetes.io/service-account.name: api
  name: api-token
type: kubernetes.io/service-account-token
`,
    secrets: ['ZXlKaGJHY2lPaUpTVXpJMU5pSXNJbXRwWkNJNklqRWlmUS5leUp6ZFdJaU9pSnplWE4wWlcwNmMyVnlkbWxq'],
    kinds: ['secret-data'],
  },
  {
    id: 'kubeconfig-raw',
    command: 'kubectl config view --raw --minify',
    output: `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t
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
preferences: {}
users:
- name: admin
  user:
    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t
    client-key-data: ${CLIENT_KEY_DATA}
- name: ci
  user:
    token: ${JWT_SA}
- name: legacy
  user:
    username: admin
    password: Basic-Auth-Pa55!
- name: oidc
  user:
    auth-provider:
      config:
        client-id: kubernetes
        client-secret: d-LTYXPa-W4MxMs3WDlQPFPA
        id-token: ${JWT_OIDC}
        idp-issuer-url: https://accounts.google.com
        refresh-token: 1//0gfeIIemGpb3EfKoNSvphIk7s4pqL0KJFlK6CXzU6M98NdFQCyXYbTuEPP_IKBLhcuiS4hX4TnCt1RTrzJm8Iq0na0p-Yt1JoW56KT
      name: oidc
`,
    secrets: [CLIENT_KEY_DATA, JWT_SA, 'Basic-Auth-Pa55!', 'd-LTYXPa-W4MxMs3WDlQPFPA', JWT_OIDC, '1//0gfeIIemGpb3EfKoNSvphIk7s4pqL0KJFlK6CXzU6M98NdFQCyXYbTuEPP_IKBLhcuiS4hX4TnCt1RTrzJm8Iq0na0p-Yt1JoW56KT'],
    kinds: ['kubeconfig-client-key', 'token', 'password', 'secret'],
  },
  {
    id: 'curl-verbose-bearer',
    command: 'curl -v https://api.shop.example.com/v1/orders',
    output: `*   Trying 203.0.113.10:443...
* Connected to api.shop.example.com (203.0.113.10) port 443
* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384
> GET /v1/orders HTTP/2
> Host: api.shop.example.com
> user-agent: curl/8.5.0
> accept: */*
> authorization: Bearer ${JWT_SA}
> Cookie: session=VR06AxYpThGJWZhbj11THnCMZCY7Bvqiy8CsT07Lq8T; theme=dark
>
< HTTP/2 401
< content-type: application/json
< www-authenticate: Bearer realm="api", error="invalid_token"
< set-cookie: session=Zq8ThGJWZhbj11THnCMZCY7Bvqiy8CsT07Lq8TVR06AxYp; Path=/; HttpOnly
<
{"error":"invalid_token"}
`,
    secrets: [JWT_SA, 'VR06AxYpThGJWZhbj11THnCMZCY7Bvqiy8CsT07Lq8T', 'Zq8ThGJWZhbj11THnCMZCY7Bvqiy8CsT07Lq8TVR06AxYp'],
    kinds: ['authorization', 'cookie'],
  },
  {
    id: 'curl-basic-auth-and-api-key-header',
    command: 'curl -sv -u elastic:… https://es.shop.svc:9200/_cluster/health',
    output: `> GET /_cluster/health HTTP/1.1
> Host: es.shop.svc:9200
> Authorization: Basic ZWxhc3RpYzpFbDRzdGljLVBhc3N3b3JkLTI2
> X-Api-Key: es_ak_7f3c9b2e1d4a6f8e0c5b
> User-Agent: curl/8.5.0
< HTTP/1.1 200 OK
{"cluster_name":"shop","status":"yellow","number_of_nodes":1}
`,
    secrets: ['ZWxhc3RpYzpFbDRzdGljLVBhc3N3b3JkLTI2', 'es_ak_7f3c9b2e1d4a6f8e0c5b'],
    kinds: ['authorization', 'api-key'],
  },
  {
    id: 'app-log-with-bearer-and-jwt',
    command: 'kubectl logs deploy/gateway -n shop --tail 50',
    output: `2026-11-28T02:14:07.311Z INFO  request id=8f2c method=GET path=/v1/cart status=200 dur=12ms
2026-11-28T02:14:07.502Z DEBUG upstream call headers={"Authorization":"Bearer sk-proj-7Qx2mZ9pL4vN8rT1wY6cB3dF5gH0jK2l"}
2026-11-28T02:14:08.001Z WARN  token refresh failed for session; id_token=${JWT_OIDC}
2026-11-28T02:14:09.120Z INFO  request id=8f2d method=POST path=/v1/checkout status=502 dur=30001ms
`,
    secrets: ['sk-proj-7Qx2mZ9pL4vN8rT1wY6cB3dF5gH0jK2l', JWT_OIDC],
    kinds: ['authorization', 'jwt'],
  },
  {
    id: 'pem-keys-of-every-kind',
    command: 'kubectl exec -n shop deploy/api -- cat /etc/tls/key.pem /root/.ssh/id_ed25519',
    output: `-----BEGIN RSA PRIVATE KEY-----
${PEM_BODY.join('\n')}
-----END RSA PRIVATE KEY-----
-----BEGIN EC PRIVATE KEY-----
${EC_BODY.join('\n')}
-----END EC PRIVATE KEY-----
-----BEGIN PRIVATE KEY-----
${PKCS8_BODY.join('\n')}
-----END PRIVATE KEY-----
-----BEGIN OPENSSH PRIVATE KEY-----
${OPENSSH_BODY.join('\n')}
-----END OPENSSH PRIVATE KEY-----
-----BEGIN ENCRYPTED PRIVATE KEY-----
MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI3+FrUBMHiJ8CAggA
-----END ENCRYPTED PRIVATE KEY-----
`,
    secrets: [...PEM_BODY, ...EC_BODY, ...PKCS8_BODY, ...OPENSSH_BODY, 'MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI3+FrUBMHiJ8CAggA'],
    kinds: ['private-key'],
  },
  {
    id: 'aws-credentials-file',
    command: 'cat ~/.aws/credentials',
    output: `[default]
aws_access_key_id = AKIAOGZ5KOK16ZV0MWUF
aws_secret_access_key = kHIfxIq2HZt+PlJhx2jIclHkCiHp6bR1IqfEouHg
region = eu-west-1

[ci]
aws_access_key_id=ASIAXBV932BYV7S6EHOG
aws_secret_access_key=xzNNAL5wIScGebcy8F5n3+YNBDRzrZSgqbjG3uhk
aws_session_token=${AWS_SESSION}
`,
    secrets: ['AKIAOGZ5KOK16ZV0MWUF', 'kHIfxIq2HZt+PlJhx2jIclHkCiHp6bR1IqfEouHg', 'ASIAXBV932BYV7S6EHOG', 'xzNNAL5wIScGebcy8F5n3+YNBDRzrZSgqbjG3uhk', AWS_SESSION],
    kinds: ['aws-access-key-id', 'aws-secret-key', 'token'],
  },
  {
    id: 'aws-sts-assume-role-json',
    command: 'aws sts assume-role --role-arn arn:aws:iam::123456789012:role/debug --role-session-name hunch',
    output: `{
    "Credentials": {
        "AccessKeyId": "ASIAQ3EGRZ7TXKV4PLMN",
        "SecretAccessKey": "9fLq2Rk8Wm3Zp7Tx1Vb5Nc4Hd6Js0Ga8Ye2Ui7Oo",
        "SessionToken": "FwoGZXIvYXdzEBYaDHk2bW5vcGFzc3dvcmQiLCJpc3MiOiJzdHMuYW1hem9uYXdzLmNvbSJ9",
        "Expiration": "2026-11-28T03:14:07+00:00"
    },
    "AssumedRoleUser": {
        "AssumedRoleId": "AROAQ3EGRZ7TXKV4PLMNO:hunch",
        "Arn": "arn:aws:sts::123456789012:assumed-role/debug/hunch"
    }
}
`,
    secrets: ['ASIAQ3EGRZ7TXKV4PLMN', '9fLq2Rk8Wm3Zp7Tx1Vb5Nc4Hd6Js0Ga8Ye2Ui7Oo', 'FwoGZXIvYXdzEBYaDHk2bW5vcGFzc3dvcmQiLCJpc3MiOiJzdHMuYW1hem9uYXdzLmNvbSJ9'],
    kinds: ['aws-access-key-id', 'aws-secret-key', 'token'],
  },
  {
    id: 'gcp-service-account-key-json',
    command: 'cat /var/secrets/google/key.json',
    output: `{
  "type": "service_account",
  "project_id": "shop-prod-4821",
  "private_key_id": "3f9a1c8b7e2d4f6a5b0c1e9d8f7a6b5c4d3e2f1a",
  "private_key": "-----BEGIN PRIVATE KEY-----\\n${PKCS8_BODY.join('\\n')}\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7pHd3c9Xk2mQe\\n-----END PRIVATE KEY-----\\n",
  "client_email": "hunch-reader@shop-prod-4821.iam.gserviceaccount.com",
  "client_id": "104729384756102938475",
  "auth_uri": "https://accounts.google.com/o/oauth2/auth",
  "token_uri": "https://oauth2.googleapis.com/token"
}
`,
    secrets: [...PKCS8_BODY, 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7pHd3c9Xk2mQe'],
    kinds: ['private-key'],
  },
  {
    id: 'gcloud-tokens-and-api-key',
    command: 'gcloud auth print-access-token; grep -r key config/',
    output: `ya29.YgBds1ghxY5OokvQyx7eNWVQ4vnakJkS1pAWTN3lg8zV5yPU8d0FZfWe7ihGyiRUIQfHOJMaidDn87XG3-q-xbMtEPO6UkzYuF0ie9Pu2njHkAm1-5wDr16EpLLJIVGHz4FxFEtKyPiYGFDm7ena8D
config/maps.js:  const MAPS = 'AIza1kGD2VD-eR1UYzaLiA-zNyD7CHLn-xC_1hs';
config/oauth.json:  {"installed":{"client_id":"1047.apps.googleusercontent.com","client_secret":"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"}}
`,
    secrets: [
      'ya29.YgBds1ghxY5OokvQyx7eNWVQ4vnakJkS1pAWTN3lg8zV5yPU8d0FZfWe7ihGyiRUIQfHOJMaidDn87XG3-q-xbMtEPO6UkzYuF0ie9Pu2njHkAm1-5wDr16EpLLJIVGHz4FxFEtKyPiYGFDm7ena8D',
      'AIza1kGD2VD-eR1UYzaLiA-zNyD7CHLn-xC_1hs',
      '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',
    ],
    kinds: ['gcp-oauth-token', 'gcp-api-key'],
  },
  {
    id: 'azure-connection-strings',
    command: 'kubectl exec -n shop deploy/worker -- env',
    output: `PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
HOSTNAME=worker-7d9f8b6c5-x2k4p
AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName=shopblobs;AccountKey=0VNorV8vnk8TNAjLfox7EGgZy2WpjCejiBenKWWyRWj8SKpOavQNT76R4ltqagTdxP/NXaQyZLpnNPEBb+YobA==;EndpointSuffix=core.windows.net
SERVICEBUS_CONNECTION=Endpoint=sb://shop-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=K+wRG2J9wM7K984yTSDW8Qv56XtQDZvtomMW57aesNM=
INVOICE_SAS_URL=https://shopblobs.blob.core.windows.net/invoices?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-12-01T00:00:00Z&spr=https&sig=HdIXZ5PiXXXFKSEDDY0kpM7oZRaSn%2B1evIErJVlIKYU%3D
AZURE_CLIENT_ID=8c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f
AZURE_CLIENT_SECRET=5kO8Q~CZz8xBfZuXTptFyfePpX6N1NF2XV5.4
KUBERNETES_SERVICE_HOST=10.96.0.1
`,
    secrets: [
      '0VNorV8vnk8TNAjLfox7EGgZy2WpjCejiBenKWWyRWj8SKpOavQNT76R4ltqagTdxP/NXaQyZLpnNPEBb+YobA==',
      'K+wRG2J9wM7K984yTSDW8Qv56XtQDZvtomMW57aesNM=',
      'HdIXZ5PiXXXFKSEDDY0kpM7oZRaSn%2B1evIErJVlIKYU%3D',
      '5kO8Q~CZz8xBfZuXTptFyfePpX6N1NF2XV5.4',
    ],
    kinds: ['azure-key'],
  },
  {
    id: 'azure-sp-create-output',
    command: 'az ad sp create-for-rbac --name hunch-debug',
    output: `{
  "appId": "8c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f",
  "displayName": "hunch-debug",
  "password": "Xk58Q~fAkeSecretValue1234567890abcdefghiJ",
  "tenant": "72f988bf-86f1-41af-91ab-2d7cd011db47"
}
`,
    secrets: ['Xk58Q~fAkeSecretValue1234567890abcdefghiJ'],
    kinds: ['password'],
  },
  {
    id: 'ci-log-github-tokens',
    command: 'gh run view 6712093 --log-failed',
    output: `build	Run actions/checkout@v4	2026-11-28T01:02:03.1Z Syncing repository: shop/api
build	Run actions/checkout@v4	2026-11-28T01:02:03.4Z git remote add origin https://x-access-token:ghs_IBXuDL7DxtpYlSXpfKtHF4vUCsMehGAkWvj7@github.com/shop/api
build	Deploy	2026-11-28T01:04:10.0Z export GH_TOKEN=ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d
build	Deploy	2026-11-28T01:04:10.2Z using oauth gho_KLzdocJ2isAjIhKtJ0RlgLKOmxgJTeKdNnFR for the release API
build	Deploy	2026-11-28T01:04:10.5Z fine-grained 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
build	Deploy	2026-11-28T01:04:11.0Z npm config set //registry.npmjs.org/:_authToken npm_cOif7UuXUGfdWG5yP8Yib2eNUS0hmi4Fs9Z6
build	Deploy	2026-11-28T01:04:12.9Z ##[error]Process completed with exit code 1.
`,
    secrets: [
      'ghs_IBXuDL7DxtpYlSXpfKtHF4vUCsMehGAkWvj7',
      'ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d',
      'gho_KLzdocJ2isAjIhKtJ0RlgLKOmxgJTeKdNnFR',
      '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',
      'npm_cOif7UuXUGfdWG5yP8Yib2eNUS0hmi4Fs9Z6',
    ],
    kinds: ['github-token', 'npm-token'],
  },
  {
    id: 'slack-tokens-in-config',
    command: 'kubectl get configmap alertmanager -n monitoring -o yaml',
    output: `apiVersion: v1
data:
  alertmanager.yml: |
    global:
      slack_api_url: https://hooks.slack.com/services/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
    receivers:
    - name: oncall
      slack_configs:
      - channel: '#shop-alerts'
        http_config:
          authorization:
            credentials: xoxb-632122330792-4402685995289-PRVdD53X83RZJzzzzgEOzdme
    # user token used by the digest bot: xoxp-372159010928-159013962459-5711777741215-8f506b40928b5b7a767c76fb008f86be
    # socket mode: xapp-1-AWXFOGO4MVN-7990751163726-a2cec255404e4fb440034d6608697a8d41bed440e50454f31af3176813e02ea6
kind: ConfigMap
metadata:
  name: alertmanager
`,
    secrets: [
      'https://hooks.slack.com/services/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',
      'xoxb-632122330792-4402685995289-PRVdD53X83RZJzzzzgEOzdme',
      'xoxp-372159010928-159013962459-5711777741215-8f506b40928b5b7a767c76fb008f86be',
      'xapp-1-AWXFOGO4MVN-7990751163726-a2cec255404e4fb440034d6608697a8d41bed440e50454f31af3176813e02ea6',
    ],
    kinds: ['slack-webhook', 'slack-token'],
  },
  {
    id: 'database-urls',
    command: 'kubectl describe pod orders-7c9d8-xk2p -n shop',
    output: `Name:             orders-7c9d8-xk2p
Namespace:        shop
Containers:
  orders:
    Image:          registry.example.com/shop/orders:1.42.0
    Environment:
      DATABASE_URL:   postgres://orders:Pg-0rders-2026@postgres.shop.svc:5432/orders?sslmode=require
      REPLICA_URL:    postgresql://reporting:r3p0rt!ng@pg-replica.shop.svc/orders
      MYSQL_DSN:      mysql://root:MyR00tPw@mysql.legacy.svc:3306/legacy
      REDIS_URL:      redis://:r3dis-Auth-77@redis-master.shop.svc:6379/0
      MONGO_URL:      mongodb+srv://app:M0ng0-Pw-x9@cluster0.ab1cd.mongodb.net/shop?retryWrites=true
      AMQP_URL:       amqp://shop:Rabb1t-Pw@rabbitmq.shop.svc:5672/%2F
      DB_PASSWORD:    <set to the key 'password' in secret 'db-credentials'>  Optional: false
`,
    secrets: ['Pg-0rders-2026', 'r3p0rt!ng', 'MyR00tPw', 'r3dis-Auth-77', 'M0ng0-Pw-x9', 'Rabb1t-Pw'],
    kinds: ['url-password'],
  },
  {
    id: 'psql-conninfo-and-env',
    command: 'kubectl exec -n shop postgres-0 -- env',
    output: `POSTGRES_USER=shop
POSTGRES_PASSWORD=Sup3r-S3cret-PG
PGPASSWORD=pgpass-Xy7-2026
PGBOUNCER_DSN=host=pgbouncer.shop.svc port=6432 dbname=orders user=orders password=b0unc3r-pw sslmode=disable
JDBC_URL=jdbc:postgresql://postgres.shop.svc:5432/orders?user=orders&password=Jdbc-Pw-44&ssl=true
`,
    secrets: ['Sup3r-S3cret-PG', 'pgpass-Xy7-2026', 'b0unc3r-pw', 'Jdbc-Pw-44'],
    kinds: ['password'],
  },
  {
    id: 'pod-yaml-literal-env',
    command: 'kubectl get pod worker-0 -n shop -o yaml',
    output: `apiVersion: v1
kind: Pod
metadata:
  name: worker-0
  namespace: shop
spec:
  containers:
  - env:
    - name: QUEUE_PASSWORD
      value: Qu3ue-L1teral-Pw
    - name: SIGNING_SECRET
      value: "sgn-4f8a9c2e7b1d"
    - name: LOG_LEVEL
      value: debug
    - name: DB_PASSWORD
      valueFrom:
        secretKeyRef:
          key: password
          name: db-credentials
    image: registry.example.com/shop/worker:2.3.1
    name: worker
`,
    secrets: ['Qu3ue-L1teral-Pw', 'sgn-4f8a9c2e7b1d'],
    kinds: ['password', 'secret'],
  },
  {
    id: 'redis-cli-config-get',
    command: 'kubectl exec -n shop redis-master-0 -- redis-cli CONFIG GET *pass*',
    output: `1) "requirepass"
2) "R3dis-Requ1re-Pass"
3) "masterauth"
4) "R3dis-Master-Auth"
5) "masteruser"
6) ""
`,
    secrets: ['R3dis-Requ1re-Pass', 'R3dis-Master-Auth'],
    kinds: ['password'],
  },
  {
    id: 'helm-values-and-vault',
    command: 'helm get values payments -n shop',
    output: `USER-SUPPLIED VALUES:
auth:
  apiKey: pk_9f3c2b1a8e7d6c5b4a3f2e1d
  existingSecret: ""
stripe:
  secretKey: sk_live_pk5acdIbzlpkd6XgaNJQ8mjA
vault:
  addr: https://vault.internal:8200
  token: hvs.vCiSGuPJ6sG9AHEOVezxZuJPWvHogU5nGYVHWVsUQk4DwgLGNOaeCtL31Ugq_DfcgaTMnTC0MrAU8urbFt5misIZHbhS4-
gitlab:
  deployToken: glpat-wca_7E56w8ZniqT3Ul4f
`,
    secrets: [
      'pk_9f3c2b1a8e7d6c5b4a3f2e1d',
      'sk_live_pk5acdIbzlpkd6XgaNJQ8mjA',
      'hvs.vCiSGuPJ6sG9AHEOVezxZuJPWvHogU5nGYVHWVsUQk4DwgLGNOaeCtL31Ugq_DfcgaTMnTC0MrAU8urbFt5misIZHbhS4-',
      'glpat-wca_7E56w8ZniqT3Ul4f',
    ],
    kinds: ['api-key'],
  },
  {
    id: 'docker-config-json',
    command: 'cat ~/.docker/config.json',
    output: `{
	"auths": {
		"registry.example.com": {
			"auth": "Y2ktYm90Om5yS2xpMWxIWG9UbG1NZjFmNE1VRldybG5pTlFUTw=="
		}
	},
	"credsStore": "desktop"
}
`,
    secrets: ['Y2ktYm90Om5yS2xpMWxIWG9UbG1NZjFmNE1VRldybG5pTlFUTw=='],
    kinds: ['registry-auth'],
  },
  {
    id: 'kubectl-create-token',
    command: 'kubectl create token api -n shop',
    output: `${JWT_SA}\n`,
    secrets: [JWT_SA],
    kinds: ['jwt'],
  },
  {
    id: 'process-list-with-password-flags',
    command: 'kubectl exec -n shop deploy/backup -- ps -eo args',
    output: `COMMAND
/bin/sh -c pg_dump --dbname=orders --password=Dump-Pw-9931 --host postgres.shop.svc
mysqldump --user=root --password='My-Dump-Pw-77' legacy
/usr/local/bin/exporter --web.listen-address=:9187 --auth-token=exp-tok-5f6e7d8c9b
`,
    secrets: ['Dump-Pw-9931', 'My-Dump-Pw-77', 'exp-tok-5f6e7d8c9b'],
    kinds: ['password', 'token'],
  },
];
