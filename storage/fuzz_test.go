package storage

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/satchel-wallet/satchel/wallet"
)

func fuzzKeys(t testing.TB) *recordKeys {
	k, err := newRecordKeys(bytes.Repeat([]byte{7}, dataKeySize))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// FuzzOpenRecord feeds arbitrary stored names and values to the record
// decoder. Nothing but the real sealing may open, and nothing may panic.
func FuzzOpenRecord(f *testing.F) {
	k := fuzzKeys(f)
	name := k.name(wallet.BucketCredentials, "cred-1")
	sealed := k.seal(wallet.BucketCredentials, name, []byte(`{"title":"x"}`))
	f.Add(uint8(2), name, sealed)
	f.Add(uint8(0), []byte{}, []byte{})
	f.Add(uint8(3), bytes.Repeat([]byte{1}, 25), bytes.Repeat([]byte{2}, 40))
	f.Fuzz(func(t *testing.T, bi uint8, stored, value []byte) {
		buckets := wallet.Buckets()
		b := buckets[int(bi)%len(buckets)]
		id, idErr := k.id(b, stored)
		pt, openErr := k.open(b, stored, value)
		if idErr == nil && !bytes.Equal(k.name(b, id), stored) {
			t.Fatalf("name %x decoded to %q, which names something else", stored, id)
		}
		if openErr == nil {
			// Only a genuine sealing opens. The fuzzer cannot forge a tag, so
			// an opened record must be a sealing (seed nonces differ between
			// fuzz processes) of the seed's plaintext under the seed's name.
			if !bytes.Equal(stored, name) || b != wallet.BucketCredentials || string(pt) != `{"title":"x"}` {
				t.Fatalf("forged record opened: %q", pt)
			}
		} else if !errors.Is(openErr, wallet.ErrIntegrity) {
			t.Fatalf("open error is not an integrity error: %v", openErr)
		}
	})
}

// FuzzBackupReader feeds arbitrary decrypted contents to the backup
// reader: it must refuse or read them, never panic or loop.
func FuzzBackupReader(f *testing.F) {
	hdr := `{"satchel":"backup","version":1,"created":"2026-11-22T10:00:00Z","format":1,"schema":1}` + "\n"
	f.Add([]byte(hdr + `{"bucket":"log","id":"x","json":{"a":1}}` + "\n" + `{"end":true,"records":1}` + "\n"))
	f.Add([]byte(hdr + `{"bucket":"originals","id":"o","base64":"AAEC"}` + "\n" + `{"end":true,"records":1}` + "\n"))
	f.Add([]byte(hdr + `{"end":true}` + "\n"))
	f.Add([]byte(hdr))
	f.Add([]byte("{}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		br, err := newBackupReader(bytes.NewReader(data))
		if err != nil {
			return
		}
		for i := 0; ; i++ {
			b, id, v, err := br.next()
			if errors.Is(err, io.EOF) {
				if !br.done || br.count != i {
					t.Fatalf("EOF after %d records but count %d, done %t", i, br.count, br.done)
				}
				return
			}
			if err != nil {
				return
			}
			if v == nil || (b == "" && id == "") {
				t.Fatalf("record %d came back empty", i)
			}
		}
	})
}
