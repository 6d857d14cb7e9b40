# s3-check.sh - sourced by ceph-s3.sh and swift-s3.sh (one signed request, two servers).
# s3_status HOST:PORT ACCESS_KEY SECRET_KEY: a SigV4-signed ListBuckets; prints the HTTP status
# (0 = no connection). Uses $PY (the caller's python3).
s3_status() {
  "${PY:-python3}" - "$1" "$2" "$3" <<'EOF'
import sys, hmac, hashlib, datetime, http.client
host, ak, sk = sys.argv[1:4]
amz = datetime.datetime.utcnow().strftime('%Y%m%dT%H%M%SZ'); scope = amz[:8] + '/us-east-1/s3/aws4_request'
ph = hashlib.sha256(b'').hexdigest(); sh = 'host;x-amz-content-sha256;x-amz-date'
creq = '\n'.join(['GET', '/', '', 'host:' + host, 'x-amz-content-sha256:' + ph, 'x-amz-date:' + amz, '', sh, ph])
k = ('AWS4' + sk).encode()
for m in scope.split('/'):
    k = hmac.new(k, m.encode(), hashlib.sha256).digest()
sig = hmac.new(k, '\n'.join(['AWS4-HMAC-SHA256', amz, scope, hashlib.sha256(creq.encode()).hexdigest()]).encode(), hashlib.sha256).hexdigest()
try:
    c = http.client.HTTPConnection(host, timeout=5)
    c.request('GET', '/', headers={'x-amz-date': amz, 'x-amz-content-sha256': ph, 'Authorization':
              'AWS4-HMAC-SHA256 Credential=%s/%s, SignedHeaders=%s, Signature=%s' % (ak, scope, sh, sig)})
    print(c.getresponse().status)
except OSError:
    print(0)
EOF
}
