package status

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// checkDecoded holds every decoder to its contract: an error wraps a
// sentinel; a list is non-empty, within MaxListSize, and answers every
// index in range and refuses the first one past the end.
func checkDecoded(t *testing.T, l *List, err error, index int) {
	t.Helper()
	if err != nil {
		if !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrTooLarge) {
			t.Fatalf("error without a sentinel: %v", err)
		}
		if l != nil {
			t.Fatal("a list and an error")
		}
		return
	}
	if len(l.Bytes) == 0 || len(l.Bytes) > MaxListSize {
		t.Fatalf("list of %d bytes", len(l.Bytes))
	}
	n := l.Len()
	if n <= 0 {
		t.Fatalf("%d entries", n)
	}
	for _, i := range []int{0, n - 1, index} {
		if i < 0 || i >= n {
			continue
		}
		v, err := l.Status(i)
		if err != nil || int(v) >= 1<<l.Size {
			t.Fatalf("Status(%d) = %d, %v", i, v, err)
		}
	}
	if _, err := l.Status(n); !errors.Is(err, ErrIndex) {
		t.Fatalf("Status past the end: %v", err)
	}
}

// FuzzBitstring decodes arbitrary W3C encodedLists (Bitstring Status List
// and StatusList2021) and reads arbitrary entries of them.
func FuzzBitstring(f *testing.F) {
	for _, rel := range []string{
		dccDir + "statusLists/didkey-ed25519Signature2020/e5WK8CbZ1GjycuPombrj",
		dccDir + "statusLists/didkey-ed25519Signature2020/tampered",
		"vectors/ob3/1edtech-validator/ob30/bit-string-list/testlist",
	} {
		enc := readJSON(f, rel)["credentialSubject"].(map[string]any)["encodedList"].(string)
		f.Add(enc, 6, 1)
		f.Add(enc[1:], 23, 2)
	}
	f.Add("u"+gzipB64(f, bitstring(16, 3, 100)), 100, 3)
	f.Add("u"+gzipB64(f, []byte{0xff}), 7, 8)
	f.Add("u", 0, 1)
	f.Fuzz(func(t *testing.T, encoded string, index, size int) {
		l, err := DecodeBitstring(encoded)
		checkDecoded(t, l, err, index)
		if err == nil {
			v, err := Bit(l.Bytes, index, size)
			inRange := size >= 1 && size <= MaxStatusSize && index >= 0 && index < len(l.Bytes)*8/size
			if (err == nil) != inRange || (err == nil && int(v) >= 1<<size) {
				t.Fatalf("Bit(%d, %d) = %d, %v", index, size, v, err)
			}
		}
		l, err = DecodeStatusList2021(encoded)
		checkDecoded(t, l, err, index)
	})
}

// FuzzTokenStatusList decodes arbitrary Token Status List status_list
// claims and reads arbitrary entries of them.
func FuzzTokenStatusList(f *testing.F) {
	f.Add(1, "eNrbuRgAAhcBXQ", 3)
	f.Add(2, "eNo76fITAAPfAgc", 11)
	f.Add(4, zlibB64(f, []byte{0x12, 0x34}), 3)
	f.Add(8, zlibB64(f, []byte{0, 1, 2, 0xff}), 2)
	f.Add(1, zlibB64(f, make([]byte, 4096)), 30000)
	f.Add(3, "eNrbuRgAAhcBXQ", 0)
	f.Fuzz(func(t *testing.T, bits int, lst string, index int) {
		l, err := DecodeTokenStatusList(bits, lst)
		checkDecoded(t, l, err, index)
		if err == nil && (l.Size != bits || !l.LSBFirst) {
			t.Fatalf("list %d bits, lsb %v", l.Size, l.LSBFirst)
		}
	})
}

// FuzzListDocument feeds arbitrary fetched documents, as W3C list
// credentials and as Status List Tokens, through CheckEntry: it must never
// panic, and must never report a verified list that no key signed.
func FuzzListDocument(f *testing.F) {
	const url = "https://a.example/status/1"
	f.Add(fixtureFetcher(f)[edtechList])
	f.Add(fixtureFetcher(f)["https://digitalcredentials.github.io/vc-test-fixtures/statusLists/didkey-ed25519Signature2020/e5WK8CbZ1GjycuPombrj"])
	iss := newIssuer(f, 1)
	f.Add(listCredential(f, iss, url, "u"+gzipB64(f, bitstring(16, 3)), "revocation", nil, nil))
	f.Add(signToken(f, iss.key, map[string]any{"alg": "EdDSA", "typ": "statuslist+jwt"},
		map[string]any{"sub": url, "status_list": map[string]any{"bits": 1, "lst": "eNrbuRgAAhcBXQ"}}))
	f.Add([]byte(`{"type":["BitstringStatusListCredential"],"credentialSubject":{"type":"BitstringStatusList","statusPurpose":"revocation","encodedList":"u"}}`))
	entries := []credential.StatusEntry{
		{Type: TypeBitstring, Purpose: PurposeRevocation, ListURL: url, Index: 3},
		{Type: TypeStatusList2021, Purpose: PurposeSuspension, ListURL: url, Index: 3},
		{Type: TypeTokenStatusList, ListURL: url, Index: 3},
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		opts := Options{Fetcher: StaticFetcher{url: body}, Now: now}
		for _, e := range entries {
			r := CheckEntry(context.Background(), e, "did:example:nobody", opts)
			if r.Verified {
				t.Fatalf("verified a list for an issuer without a key: %+v", r)
			}
			if r.Err == nil {
				t.Fatal("no error for an unverified list")
			}
		}
	})
}

// FuzzEntries extracts status entries from arbitrary JSON: it must never
// panic, and every entry must carry a type.
func FuzzEntries(f *testing.F) {
	f.Add([]byte(`{"credentialStatus":{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"94567","statusListCredential":"https://a.example/1"}}`))
	f.Add([]byte(`{"status":{"status_list":{"idx":3,"uri":"https://a.example/1"}}}`))
	f.Add([]byte(`{"vc":{"credentialStatus":[{"type":["StatusList2021Entry"],"statusListIndex":7,"statusSize":2}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var doc map[string]any
		if json.Unmarshal(data, &doc) != nil {
			return
		}
		for _, e := range Entries(doc) {
			if e.Index < -1 {
				t.Fatalf("index %d", e.Index)
			}
		}
	})
}
