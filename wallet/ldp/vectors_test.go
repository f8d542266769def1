package ldp

import (
	"context"
	"errors"
	"testing"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/wallet/jsonld"
)

func readDoc(t testing.TB, rel string) map[string]any {
	t.Helper()
	doc, err := jsonld.ParseObject(fixture.Read(t, rel), 1<<22)
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return doc
}

// TestW3CVectors verifies every signed rdfc and jcs test vector of the W3C
// vc-di-eddsa and vc-di-ecdsa specifications, with keys from did:key.
func TestW3CVectors(t *testing.T) {
	vectors := []string{
		"vc-di-eddsa/TestVectors/eddsa-rdfc-2022/signedDataInt.json",
		"vc-di-eddsa/TestVectors/eddsa-rdfc-2022/employ/signedDataInt.json",
		"vc-di-eddsa/TestVectors/eddsa-jcs-2022/signedJCS.json",
		"vc-di-eddsa/TestVectors/Ed25519Signature2020/signedEdSig.json",
		"vc-di-eddsa/TestVectors/proof-set-chain/signedProofSet1.json",
		"vc-di-eddsa/TestVectors/proof-set-chain/signedProofSet2.json",
		"vc-di-eddsa/TestVectors/proof-set-chain/signedProofChain1.json",
		"vc-di-eddsa/TestVectors/proof-set-chain/signedProofChain2.json",
		"vc-di-ecdsa/TestVectors/ecdsa-rdfc-2019-p256/signedECDSAP256.json",
		"vc-di-ecdsa/TestVectors/ecdsa-rdfc-2019-p256/employ/signedECDSAP256.json",
		"vc-di-ecdsa/TestVectors/ecdsa-rdfc-2019-p384/signedECDSAP384.json",
		"vc-di-ecdsa/TestVectors/ecdsa-rdfc-2019-p384/employ/signedECDSAP384.json",
		"vc-di-ecdsa/TestVectors/ecdsa-jcs-2019-p256/signedJCSECDSAP256.json",
		"vc-di-ecdsa/TestVectors/ecdsa-jcs-2019-p384/signedJCSECDSAP384.json",
	}
	var v Verifier
	for _, rel := range vectors {
		t.Run(rel, func(t *testing.T) {
			res, err := v.Verify(context.Background(), readDoc(t, "vectors/"+rel), Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range res {
				if r.Controller == "" || r.Created.IsZero() || r.Purpose != PurposeAssertion {
					t.Errorf("incomplete result %+v", r)
				}
			}
		})
	}
}

// TestECDSASD2023Unsupported checks that a selective disclosure proof is
// reported as unsupported, not as a bad signature.
func TestECDSASD2023Unsupported(t *testing.T) {
	var v Verifier
	doc := readDoc(t, "vectors/ob3/1edtech-validator/ob30/sd/derivedcredential.json")
	_, err := v.Verify(context.Background(), doc, Options{})
	if !errors.Is(err, ErrUnsupportedSuite) {
		t.Fatalf("got %v, want ErrUnsupportedSuite", err)
	}
}
