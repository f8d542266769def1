package wallet

import (
	"crypto"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/satchel-wallet/satchel/wallet/did"
)

// Holder is a profile: a name the learner chose and the did:key they present
// credentials as. The private key stays in the store.
type Holder struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	DID      string    `json:"did"`
	KeyType  KeyType   `json:"keyType"`
	Created  time.Time `json:"created"`
	Imported bool      `json:"imported,omitempty"`
	Default  bool      `json:"default,omitempty"`
	// FullName is the learner's name as credentials state it, for the
	// holder check of credentials that name the learner without a DID.
	FullName string `json:"fullName,omitempty"`
}

// holderRecord is what the holders bucket stores for each profile.
type holderRecord struct {
	Holder
	PrivateKey json.RawMessage `json:"privateKey"` // a private JWK
}

// metaDefaultHolder is the BucketMeta record naming the default profile's id.
const metaDefaultHolder = "default-holder"

// DefaultHolderName names the profile made when a wallet is created.
const DefaultHolderName = "default"

// maxHolderName bounds profile names, which are labels shown in lists.
const maxHolderName = 64

// validateHolderName checks a profile name: 1 to 64 printable characters.
func validateHolderName(name string) (string, error) {
	name = strings.TrimSpace(name)
	n := utf8.RuneCountInString(name)
	if n == 0 || n > maxHolderName {
		return "", fmt.Errorf("profile name of %d characters (want 1 to %d): %w", n, maxHolderName, ErrInvalid)
	}
	for _, r := range name {
		if !unicode.IsPrint(r) {
			return "", fmt.Errorf("profile name has an unprintable character %U: %w", r, ErrInvalid)
		}
	}
	return name, nil
}

// Init creates the first holder profile, named "default", with a new key of
// type kt, and makes it the default. It fails with ErrExists if the wallet
// already has a profile.
func (w *Wallet) Init(kt KeyType) (Holder, error) {
	hs, err := w.Holders()
	if err != nil {
		return Holder{}, err
	}
	if len(hs) > 0 {
		return Holder{}, fmt.Errorf("wallet already has %d profile(s): %w", len(hs), ErrExists)
	}
	return w.AddHolder(DefaultHolderName, kt)
}

// AddHolder creates a profile with a new key of type kt. The first profile
// of a wallet becomes the default.
func (w *Wallet) AddHolder(name string, kt KeyType) (Holder, error) {
	priv, err := generateKey(kt)
	if err != nil {
		return Holder{}, fmt.Errorf("new %s key: %w", kt, err)
	}
	return w.addHolder(name, priv, false)
}

// ImportHolderKey creates a profile from an existing private key given as a
// JWK (Ed25519 or P-256), so that the learner keeps the identity they used in
// another wallet. Importing a key that a profile already has is ErrExists.
func (w *Wallet) ImportHolderKey(name string, jwkData []byte) (Holder, error) {
	priv, err := parsePrivateJWK(jwkData)
	if err != nil {
		return Holder{}, fmt.Errorf("import key: %w", err)
	}
	return w.addHolder(name, priv, true)
}

func (w *Wallet) addHolder(name string, priv crypto.Signer, imported bool) (Holder, error) {
	name, err := validateHolderName(name)
	if err != nil {
		return Holder{}, err
	}
	kt, err := keyTypeOf(priv)
	if err != nil {
		return Holder{}, err
	}
	id, err := did.NewKey(priv.Public())
	if err != nil {
		return Holder{}, fmt.Errorf("holder did:key: %w", err)
	}
	privJWK, err := marshalJWK(priv)
	if err != nil {
		return Holder{}, err
	}
	h := Holder{ID: newID(), Name: name, DID: id, KeyType: kt, Created: w.now().UTC().Truncate(time.Second), Imported: imported}
	err = w.store.Update(func(tx Tx) error {
		recs, err := holderRecords(tx)
		if err != nil {
			return err
		}
		for _, r := range recs {
			if strings.EqualFold(r.Name, name) {
				return fmt.Errorf("profile %q: %w", name, ErrExists)
			}
			if r.DID == id {
				return fmt.Errorf("the key is already the profile %q: %w", r.Name, ErrExists)
			}
		}
		if err := putJSON(tx, BucketHolders, h.ID, holderRecord{Holder: h, PrivateKey: privJWK}); err != nil {
			return err
		}
		if len(recs) == 0 {
			h.Default = true
			return tx.Put(BucketMeta, metaDefaultHolder, []byte(h.ID))
		}
		return nil
	})
	if err != nil {
		return Holder{}, fmt.Errorf("add profile: %w", err)
	}
	return h, nil
}

// Holders lists the profiles, the default first, then by name.
func (w *Wallet) Holders() ([]Holder, error) {
	var out []Holder
	err := w.store.View(func(tx Tx) error {
		recs, err := holderRecords(tx)
		if err != nil {
			return err
		}
		def, err := defaultHolderID(tx)
		if err != nil {
			return err
		}
		for _, r := range recs {
			h := r.Holder
			h.Default = h.ID == def
			out = append(out, h)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list profiles: %w", err)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Default != out[j].Default {
			return out[i].Default
		}
		return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name)
	})
	return out, nil
}

// Holder returns the profile called name (compared without regard to case),
// or the default profile when name is empty.
func (w *Wallet) Holder(name string) (Holder, error) {
	r, err := w.holderRecord(name)
	return r.Holder, err
}

// SetDefaultHolder makes the profile called name the default.
func (w *Wallet) SetDefaultHolder(name string) error {
	r, err := w.holderRecord(name)
	if err != nil {
		return err
	}
	return w.store.Update(func(tx Tx) error {
		return tx.Put(BucketMeta, metaDefaultHolder, []byte(r.ID))
	})
}

// Signer returns a signer for the profile called name (the default profile
// when name is empty). The private key is read from the store for the
// signer's lifetime only.
func (w *Wallet) Signer(name string) (Signer, error) {
	r, err := w.holderRecord(name)
	if err != nil {
		return nil, err
	}
	priv, err := parsePrivateJWK(r.PrivateKey)
	if err != nil {
		return nil, fmt.Errorf("profile %q: stored key: %w", r.Name, err)
	}
	return &keySigner{did: r.DID, priv: priv}, nil
}

// PublicFormat names a form in which a profile's public identity is exported.
type PublicFormat string

// The public export formats.
const (
	// PublicDIDDocument is the DID document of the profile's did:key.
	PublicDIDDocument PublicFormat = "did"
	// PublicJWK is the public key as a JWK.
	PublicJWK PublicFormat = "jwk"
)

// ExportPublic returns the public identity of a profile: its DID document or
// its public key as a JWK. Nothing secret is in either.
func (w *Wallet) ExportPublic(name string, f PublicFormat) ([]byte, error) {
	h, err := w.Holder(name)
	if err != nil {
		return nil, err
	}
	switch f {
	case PublicDIDDocument, "":
		doc, err := did.KeyDocument(h.DID)
		if err != nil {
			return nil, err
		}
		return json.MarshalIndent(doc, "", "  ")
	case PublicJWK:
		pub, err := did.ParseKey(h.DID)
		if err != nil {
			return nil, err
		}
		return marshalJWK(pub)
	}
	return nil, fmt.Errorf("public format %q (want did or jwk): %w", f, ErrInvalid)
}

// ExportPrivateKey returns a profile's private key as a JWK. It is the one
// way a private key leaves the wallet, and callers must only use it when the
// learner asked for exactly this.
func (w *Wallet) ExportPrivateKey(name string) ([]byte, error) {
	r, err := w.holderRecord(name)
	if err != nil {
		return nil, err
	}
	return append([]byte(nil), r.PrivateKey...), nil
}

func (w *Wallet) holderRecord(name string) (holderRecord, error) {
	var out holderRecord
	err := w.store.View(func(tx Tx) error {
		recs, err := holderRecords(tx)
		if err != nil {
			return err
		}
		def, err := defaultHolderID(tx)
		if err != nil {
			return err
		}
		for _, r := range recs {
			if (name == "" && r.ID == def) || (name != "" && strings.EqualFold(r.Name, strings.TrimSpace(name))) {
				out = r
				out.Default = r.ID == def
				return nil
			}
		}
		if name == "" {
			return fmt.Errorf("no default profile; create one first: %w", ErrNotFound)
		}
		return fmt.Errorf("profile %q: %w", name, ErrNotFound)
	})
	return out, err
}

func holderRecords(tx Tx) ([]holderRecord, error) {
	var recs []holderRecord
	err := tx.ForEach(BucketHolders, func(id string, v []byte) error {
		r, err := decodeHolderRecord(id, v)
		if err != nil {
			return err
		}
		recs = append(recs, r)
		return nil
	})
	return recs, err
}

func decodeHolderRecord(id string, v []byte) (holderRecord, error) {
	var r holderRecord
	if err := json.Unmarshal(v, &r); err != nil {
		return r, fmt.Errorf("profile record %s: %v: %w", id, err, ErrInvalid)
	}
	if r.ID != id || r.DID == "" || len(r.PrivateKey) == 0 {
		return r, fmt.Errorf("profile record %s is incomplete: %w", id, ErrInvalid)
	}
	return r, nil
}

func defaultHolderID(tx Tx) (string, error) {
	v, err := tx.Get(BucketMeta, metaDefaultHolder)
	if errors.Is(err, ErrNotFound) {
		return "", nil
	}
	return string(v), err
}

func putJSON(tx Tx, b Bucket, id string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s/%s: %w", b, id, err)
	}
	return tx.Put(b, id, data)
}
