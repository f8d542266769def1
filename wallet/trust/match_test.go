package trust

import (
	"testing"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

func exampleList(t testing.TB) *List {
	t.Helper()
	l, err := Parse(readExample(t))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestMatch covers each matching rule of the package documentation with
// the example list: which entry, if any, vouches for a signer and its
// names.
func TestMatch(t *testing.T) {
	l := exampleList(t)
	const (
		uni = "Universidad de Ejemplo"
		cs  = "Faculty of Computer Science, Universidad de Ejemplo"
		etp = "Example Training Provider"
		dcc = "Digital Credentials Consortium test issuer"
	)
	cases := []struct {
		name   string
		signer string
		names  []string
		want   string // "" for no match
	}{
		// DIDs: exact, fragment and query ignored.
		{"exact did:key", "did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q", nil, dcc},
		{"did:key with its key fragment", "did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q#z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q", nil, dcc},
		{"did:key differing in case", "did:key:z6mknnqd1whlggrafi6zcbgevuagkvfdyctzngtgwvvvr5q", nil, ""},
		{"another did:key", "did:key:z6MkjoriXdbyWD25YXTed114F8hdJrLXQ567xxPHAUKxpKkS", nil, ""},
		{"exact did:web with a path", "did:web:digitalcredentials.github.io:vc-test-fixtures:dids:legacy", nil, dcc},
		{"did:web on a listed DID beats its domain", "did:web:uni.example", nil, uni},
		// Domains: did:web hosts and subdomains, any port or path.
		{"did:web on the domain with a key", "did:web:uni.example#key-1", nil, uni},
		{"did:web with a path", "did:web:uni.example:issuers:registry", nil, uni},
		{"did:web with a port", "did:web:uni.example%3A8443", nil, uni},
		{"did:web on a subdomain", "did:web:www.uni.example", nil, uni},
		{"did:web on a listed subdomain picks the longer domain", "did:web:cs.uni.example:people:ana", nil, cs},
		{"did:web below the listed subdomain", "did:web:lab.cs.uni.example", nil, cs},
		{"did:web upper case", "did:web:UNI.Example", nil, uni},
		{"did:web on a look-alike", "did:web:notuni.example", nil, ""},
		{"did:web on a longer domain", "did:web:uni.example.org", nil, ""},
		{"did:web on the parent domain", "did:web:example", nil, ""},
		// https identifiers.
		{"https issuer id", "https://uni.example/issuers/565049", nil, uni},
		{"https on a subdomain", "https://cs.uni.example/", nil, cs},
		{"https with a port", "https://uni.example:8443/x", nil, uni},
		{"http is not matched", "http://uni.example/issuers/1", nil, ""},
		{"https with user info", "https://uni.example@evil.example/", nil, ""},
		{"https on a look-alike", "https://uni.example.evil.example/", nil, ""},
		// Names from a certificate.
		{"organisation name", "", []string{"Example Training Provider SA"}, etp},
		{"organisation name in other case and spacing", "", []string{"  example   TRAINING provider sa "}, etp},
		{"organisation name differing in a letter", "", []string{"Example Training Provider S.A."}, ""},
		{"organizationIdentifier", "", []string{"VATBE-0123456789"}, etp},
		{"organizationIdentifier lower case", "", []string{"vatbe-0123456789"}, etp},
		{"organizationIdentifier of another country", "", []string{"VATNL-0123456789"}, ""},
		{"organizationIdentifier beats a name", "", []string{"Universidad de Ejemplo", "VATBE-0123456789"}, etp},
		{"a signer name that is a domain", "CN=seal", []string{"www.cs.uni.example"}, cs},
		{"domain beats an organisation name", "did:web:uni.example:x", []string{"Example Training Provider SA"}, uni},
		{"certificate subject as signer is not parsed", "O=Example Training Provider SA", nil, ""},
		// Nothing.
		{"no signer", "", nil, ""},
		{"unsigned", "", []string{""}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e, ok := l.Match(c.signer, c.names)
			if ok != (c.want != "") || e.Name != c.want {
				t.Fatalf("Match(%q, %q) = %q, %v; want %q", c.signer, c.names, e.Name, ok, c.want)
			}
		})
	}
}

// TestCheck checks the issuer check: trusted when the signer is on the
// list, and otherwise a warning naming the issuer as the credential
// does, never a failure.
func TestCheck(t *testing.T) {
	l := exampleList(t)
	cases := []struct {
		name                         string
		list                         *List
		issuerID, issuerName, signer string
		names                        []string
		status                       credential.Status
		code                         string
		args                         map[string]string
	}{
		{
			"trusted by DID", l, "did:web:uni.example", "Universidad de Ejemplo", "did:web:uni.example", nil,
			credential.OK, "issuer.trusted",
			map[string]string{"Name": "Universidad de Ejemplo", "Source": "my university's list"},
		},
		{
			"trusted by certificate", l, "", "", "CN=Example Seal, O=Example Training Provider SA",
			[]string{"Example Training Provider SA", "VATBE-0123456789"},
			credential.OK, "issuer.trusted",
			map[string]string{"Name": "Example Training Provider", "Source": "EU trusted list"},
		},
		{
			"unknown, named", l, "did:key:z6MkjoriXdbyWD25YXTed114F8hdJrLXQ567xxPHAUKxpKkS", "Example Academy", "did:key:z6MkjoriXdbyWD25YXTed114F8hdJrLXQ567xxPHAUKxpKkS", nil,
			credential.Warning, "issuer.unknown",
			map[string]string{"Issuer": "Example Academy"},
		},
		{
			"unknown, by id", l, "did:key:z6MkjoriXdbyWD25YXTed114F8hdJrLXQ567xxPHAUKxpKkS", "", "did:key:z6MkjoriXdbyWD25YXTed114F8hdJrLXQ567xxPHAUKxpKkS", nil,
			credential.Warning, "issuer.unknown",
			map[string]string{"Issuer": "did:key:z6MkjoriXdbyWD25YXTed114F8hdJrLXQ567xxPHAUKxpKkS"},
		},
		{
			"claimed but not signed", l, "did:web:uni.example", "Universidad de Ejemplo", "", nil,
			credential.Warning, "issuer.unknown",
			map[string]string{"Issuer": "Universidad de Ejemplo"},
		},
		{
			"no list", nil, "did:web:uni.example", "", "did:web:uni.example", nil,
			credential.Warning, "issuer.unknown",
			map[string]string{"Issuer": "did:web:uni.example"},
		},
		{
			"empty list", New(), "", "", "", nil,
			credential.Warning, "issuer.unknown",
			map[string]string{"Issuer": "The issuer"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Check(c.list, c.issuerID, c.issuerName, c.signer, c.names)
			if got.Check != credential.CheckIssuer || got.Status != c.status || got.Code != c.code || got.Detail == "" {
				t.Fatalf("got %+v", got)
			}
			for k, v := range c.args {
				if got.Args[k] != v {
					t.Errorf("arg %s = %q, want %q", k, got.Args[k], v)
				}
			}
			if got.Status == credential.Failed {
				t.Fatal("the issuer check never fails")
			}
			t.Logf("%s: %s (%s)", got.Status, got.Message, got.Detail)
		})
	}
}
