package europass

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/elm"
)

// Original returns an imported European Digital Credential exactly as it
// arrived, and the file name Europass gives such files
// ("Credential-2024-03-26.jsonld", by the date of issuing). A sealed EDC
// stays sealed only byte for byte: its JAdES seal signs the payload string
// as stored, so the bytes are returned untouched, never re-encoded.
//
// original is the credential's original bytes (wallet.Verified.Original,
// or the vault's copy). Original checks that they are this credential's,
// by reading them again and comparing the identity the wallet derived
// c.ID from, so that a mix-up of records cannot export the wrong file.
// A credential of another format is refused with [ErrNotEDC]: convert it
// with [ELM].
func Original(c *credential.Credential, original []byte) (name string, data []byte, err error) {
	if c == nil || c.Format != credential.FormatEDC {
		return "", nil, fmt.Errorf("europass: original export: %w", ErrNotEDC)
	}
	r, err := elm.Read(context.Background(), original, elm.Options{Now: c.Verification.CheckedAt})
	if err != nil {
		return "", nil, fmt.Errorf("europass: original export: %w: %w", ErrMismatch, err)
	}
	if c.ID != "" && credential.Fingerprint(credential.FormatEDC, r.Identity) != c.ID {
		return "", nil, fmt.Errorf("europass: original export: its identity differs from credential %s: %w", c.ID, ErrMismatch)
	}
	if len(r.Embedded) > 0 {
		return "", nil, fmt.Errorf("europass: original export: a presentation of credentials, not one credential: %w", errors.Join(ErrNotEDC, ErrMismatch))
	}
	return OriginalName(c), original, nil
}

// OriginalName is the file name of an original EDC export:
// "Credential-" and the date of issuing (else of import), ".jsonld".
func OriginalName(c *credential.Credential) string {
	return "Credential-" + fileDate(c) + ".jsonld"
}

// ConvertedName is the file name of an ELM export: like OriginalName with
// "-converted", so the two cannot be confused in a download folder.
func ConvertedName(c *credential.Credential) string {
	return "Credential-" + fileDate(c) + "-converted.jsonld"
}

func fileDate(c *credential.Credential) string {
	t := c.Issued
	if t.IsZero() {
		t = c.Added
	}
	if t.IsZero() {
		t = time.Now()
	}
	return t.UTC().Format(time.DateOnly)
}
