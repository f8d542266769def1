package credential_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// BenchmarkDecodeRecord decodes a stored credential record as the app does
// for every credential when it opens a wallet (testdata/record.json is an
// SD-JWT VC micro-credential as the wallet stores it).
func BenchmarkDecodeRecord(b *testing.B) {
	data, err := os.ReadFile("testdata/record.json")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		var c credential.Credential
		if err := json.Unmarshal(data, &c); err != nil {
			b.Fatal(err)
		}
	}
}
