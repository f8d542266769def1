package status

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

func TestEntries(t *testing.T) {
	const list = "https://issuer.example/status/1"
	cases := []struct {
		name string
		doc  string
		want []credential.StatusEntry
	}{
		{"none", `{"issuer":"did:example:1"}`, nil},
		{
			"one bitstring entry", `{"credentialStatus":{"id":"` + list + `#94567","type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"94567","statusListCredential":"` + list + `"}}`,
			[]credential.StatusEntry{{Type: TypeBitstring, Purpose: "revocation", ListURL: list, Index: 94567}},
		},
		{
			"revocation and suspension", `{"credentialStatus":[
			{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"1","statusListCredential":"` + list + `"},
			{"type":"BitstringStatusListEntry","statusPurpose":"suspension","statusListIndex":"2","statusListCredential":"` + list + `s"}]}`,
			[]credential.StatusEntry{{Type: TypeBitstring, Purpose: "revocation", ListURL: list, Index: 1}, {Type: TypeBitstring, Purpose: "suspension", ListURL: list + "s", Index: 2}},
		},
		{
			"numeric index", `{"credentialStatus":{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":23,"statusListCredential":"` + list + `"}}`,
			[]credential.StatusEntry{{Type: TypeBitstring, Purpose: "revocation", ListURL: list, Index: 23}},
		},
		{
			"type array", `{"credentialStatus":{"type":["Extra","StatusList2021Entry"],"statusPurpose":"suspension","statusListIndex":"0","statusListCredential":"` + list + `"}}`,
			[]credential.StatusEntry{{Type: TypeStatusList2021, Purpose: "suspension", ListURL: list, Index: 0}},
		},
		{
			"statusSize 1", `{"credentialStatus":{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"5","statusSize":1,"statusListCredential":"` + list + `"}}`,
			[]credential.StatusEntry{{Type: TypeBitstring, Purpose: "revocation", ListURL: list, Index: 5}},
		},
		{
			"statusSize 2", `{"credentialStatus":{"type":"BitstringStatusListEntry","statusPurpose":"message","statusListIndex":"5","statusSize":2,"statusListCredential":"` + list + `"}}`,
			[]credential.StatusEntry{{Type: "BitstringStatusListEntry with statusSize 2", Purpose: "message", ListURL: list, Index: 5}},
		},
		{
			"VC 1.1 JWT claims", `{"iss":"did:example:1","vc":{"credentialStatus":{"type":"StatusList2021Entry","statusPurpose":"revocation","statusListIndex":"7","statusListCredential":"` + list + `"}}}`,
			[]credential.StatusEntry{{Type: TypeStatusList2021, Purpose: "revocation", ListURL: list, Index: 7}},
		},
		{
			"other mechanism", `{"credentialStatus":{"id":"https://issuer.example/revocations","type":"1EdTechRevocationList"}}`,
			[]credential.StatusEntry{{Type: "1EdTechRevocationList", ListURL: "https://issuer.example/revocations", Index: -1}},
		},
		{
			"token status list", `{"vct":"https://credentials.example.com/identity_credential","status":{"status_list":{"idx":412,"uri":"` + list + `"}}}`,
			[]credential.StatusEntry{{Type: TypeTokenStatusList, ListURL: list, Index: 412}},
		},
		{
			"token and another mechanism", `{"status":{"status_list":{"idx":0,"uri":"` + list + `"},"identifier_list":{"id":"0xB1","uri":"https://issuer.example/ids"}}}`,
			[]credential.StatusEntry{{Type: "identifier_list", ListURL: "https://issuer.example/ids", Index: -1}, {Type: TypeTokenStatusList, ListURL: list, Index: 0}},
		},
		{
			"token without idx", `{"status":{"status_list":{"uri":"` + list + `"}}}`,
			[]credential.StatusEntry{{Type: TypeTokenStatusList, ListURL: list, Index: -1}},
		},
		{
			"entry that is not an object", `{"credentialStatus":["x",{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"3","statusListCredential":"` + list + `"}]}`,
			[]credential.StatusEntry{{Type: TypeBitstring, Purpose: "revocation", ListURL: list, Index: 3}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var doc map[string]any
			if err := json.Unmarshal([]byte(c.doc), &doc); err != nil {
				t.Fatal(err)
			}
			if got := Entries(doc); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got  %+v\nwant %+v", got, c.want)
			}
		})
	}
}

// TestIndexes checks which written indexes are accepted: decimal strings
// and whole JSON numbers, not negative, not over maxIndexDigits digits.
func TestIndexes(t *testing.T) {
	cases := []struct {
		v    any
		want int
	}{
		{"0", 0},
		{"007", 7},
		{"131071", 131071},
		{"9999999999", 9999999999},
		{"", -1},
		{"-1", -1},
		{"+1", -1},
		{"1e3", -1},
		{" 1", -1},
		{"12345678901", -1},
		{"٣", -1},
		{float64(23), 23},
		{float64(-1), -1},
		{1.5, -1},
		{1e10, -1},
		{nil, -1},
		{true, -1},
	}
	for _, c := range cases {
		if got := parseIndex(c.v); got != c.want {
			t.Errorf("parseIndex(%#v) = %d, want %d", c.v, got, c.want)
		}
	}
}
