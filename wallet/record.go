package wallet

import (
	"encoding/json"
	"fmt"

	"github.com/satchel-wallet/satchel/wallet/did"
	"github.com/satchel-wallet/satchel/wallet/stack"
	"github.com/satchel-wallet/satchel/wallet/trust"
)

// ValidateRecord checks that a record read from outside the live store — a
// backup being restored — is one the wallet can use: its bucket is known and
// its value parses as that bucket's record. Restore calls it on every record
// before it replaces anything.
func ValidateRecord(b Bucket, id string, value []byte) error {
	if err := ValidateKey(b, id); err != nil {
		return err
	}
	switch b {
	case BucketHolders:
		r, err := decodeHolderRecord(id, value)
		if err != nil {
			return err
		}
		priv, err := parsePrivateJWK(r.PrivateKey)
		if err != nil {
			return fmt.Errorf("profile %q: %w", r.Name, err)
		}
		got, err := did.NewKey(priv.Public())
		if err != nil || got != r.DID {
			return fmt.Errorf("profile %q: its key does not match its DID: %w", r.Name, ErrInvalid)
		}
	case BucketMeta:
		if id == metaDefaultHolder && len(value) == 0 {
			return fmt.Errorf("meta/%s is empty: %w", id, ErrInvalid)
		}
	case BucketCollections:
		var c Collection
		if err := json.Unmarshal(value, &c); err != nil || c.ID != id {
			return fmt.Errorf("collections/%s is not a collection: %w", id, ErrInvalid)
		}
	case BucketStacks:
		var s stack.Stack
		if err := json.Unmarshal(value, &s); err != nil || s.ID != id {
			return fmt.Errorf("stacks/%s is not a stack: %w", id, ErrInvalid)
		}
		if err := s.Validate(); err != nil {
			return fmt.Errorf("stacks/%s: %v: %w", id, err, ErrInvalid)
		}
	case BucketOriginals:
		// Original credential bytes: any content is valid.
	case BucketSettings:
		if id == settingTrustList {
			if _, err := trust.Parse(value); err != nil {
				return fmt.Errorf("settings/%s: %v: %w", id, err, ErrInvalid)
			}
		} else if !json.Valid(value) {
			return fmt.Errorf("%s/%s is not valid JSON: %w", b, id, ErrInvalid)
		}
	default:
		if !json.Valid(value) {
			return fmt.Errorf("%s/%s is not valid JSON: %w", b, id, ErrInvalid)
		}
	}
	return nil
}
