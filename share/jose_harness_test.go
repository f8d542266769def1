package share_test

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"

	"github.com/satchel-wallet/satchel/internal/interop"
)

// verifyVPJOSE is the harness's stand-in for a VC 2.0 JOSE presentation
// verifier, which verify-vp.mjs lacks (did-jwt-vc reads VC 1.1 only). It
// is built from the harness's own libraries: the typ, the holder's
// signature with jose (key from the kid's did:key, controlled by iss),
// nonce, aud and exp, and each JSON-LD credential with the harness's
// credential verifier (@digitalbazaar/vc).
const verifyVPJOSE = `
import * as jose from 'jose';
import fs from 'node:fs';
import {resolvePublicJwk} from './lib/did.mjs';
import {verifyLdpCredential} from './lib/verify.mjs';
const [challenge, domain] = process.argv.slice(1);
const token = fs.readFileSync(0, 'utf8').trim();
const out = {verified: false, error: null, credentials: []};
try {
  const header = jose.decodeProtectedHeader(token);
  if(header.typ !== 'vp+jwt') throw new Error('typ ' + header.typ);
  const {jwk} = await resolvePublicJwk(header.kid);
  const key = await jose.importJWK(jwk, header.alg);
  const {payload} = await jose.jwtVerify(token, key, {audience: domain, typ: 'vp+jwt'});
  if(payload.iss !== header.kid.split('#')[0] || payload.holder !== payload.iss) throw new Error('iss/holder ' + payload.iss);
  if(payload.nonce !== challenge) throw new Error('nonce ' + payload.nonce);
  if(![].concat(payload['@context'])[0].startsWith('https://www.w3.org/ns/credentials/v2')) throw new Error('context');
  for(const c of [].concat(payload.verifiableCredential || [])) {
    const r = await verifyLdpCredential(c, {});
    out.credentials.push({verified: r.verified, error: r.error});
    if(!r.verified) throw new Error('credential: ' + r.error);
  }
  out.verified = true;
} catch(e) {
  out.error = e.message;
}
console.log(JSON.stringify(out));
`

// verifyJOSE runs verifyVPJOSE on a vp-jwt-v2 presentation.
func verifyJOSE(t testing.TB, vp []byte, challenge, domain string, _ ...string) harnessResult {
	t.Helper()
	requireNode(t)
	cmd := exec.Command("node", "--input-type=module", "-e", verifyVPJOSE, challenge, domain)
	cmd.Dir = interop.Dir(t)
	cmd.Stdin = strings.NewReader(string(vp))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var r harnessResult
	if jerr := json.Unmarshal(out, &r); jerr != nil {
		t.Fatalf("node printed %q (%v; %s): %v", out, err, stderr.String(), jerr)
	}
	return r
}
