package assets

import (
	"embed"
	"io/fs"
	"path"
)

//go:embed demo/issuer-key.jwk demo/credentials/*.json
var demo embed.FS

// DemoIssuerKey returns the private key of Satchel's demo issuer, an
// Ed25519 JWK. It is public on purpose: it lets the app sign the demo
// credentials for each new wallet's own holder, so that a newcomer sees
// verified credentials at once. Nothing signed with it proves anything;
// demo/README.md says so, and so does every demo credential.
func DemoIssuerKey() []byte {
	b, err := demo.ReadFile("demo/issuer-key.jwk")
	if err != nil {
		panic(err) // embedded at build time
	}
	return b
}

// DemoCredential is one demo credential template: an unsigned Open Badges
// 3.0 credential (VC 2.0) with the EU standard elements, whose issuer id
// reads "DEMO_ISSUER_DID" and subject id "HOLDER_DID" until the app fills
// them in and signs it.
type DemoCredential struct {
	Name string
	JSON []byte
}

// DemoCredentials returns the demo credential templates, by name.
func DemoCredentials() []DemoCredential {
	entries, err := fs.ReadDir(demo, "demo/credentials")
	if err != nil {
		panic(err)
	}
	out := make([]DemoCredential, 0, len(entries))
	for _, e := range entries {
		b, err := demo.ReadFile(path.Join("demo/credentials", e.Name()))
		if err != nil {
			panic(err)
		}
		out = append(out, DemoCredential{Name: e.Name(), JSON: b})
	}
	return out
}
