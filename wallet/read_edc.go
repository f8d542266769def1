package wallet

import (
	"context"
	"errors"
	"fmt"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/elm"
	"github.com/satchel-wallet/satchel/wallet/jsonld"
)

// readEDC reads a European Digital Credential (ELM 3), sealed with JAdES
// or unsealed, or a sealed presentation of them.
func (c *Checker) readEDC(ctx context.Context, data []byte) (*credential.Reading, error) {
	r, err := elm.Read(ctx, data, elm.Options{Now: c.now(), MaxBytes: c.maxBytes()})
	switch {
	case err == nil:
		return r, nil
	case errors.Is(err, elm.ErrTooLarge):
		return nil, reject("format.too-large", map[string]string{"Size": sizeWords(len(data)), "Limit": sizeWords(c.maxBytes())}, err.Error())
	case errors.Is(err, jsonld.ErrTooDeep):
		return nil, reject("format.too-deep", map[string]string{"Limit": fmt.Sprint(jsonld.MaxDepth)}, err.Error())
	case errors.Is(err, elm.ErrNotEDC):
		return nil, reject("format.unknown", nil, err.Error())
	}
	return nil, reject("format.malformed", map[string]string{"Profile": "European Digital Credential", "Problem": shortErr(err)}, err.Error())
}
