package cli

import (
	"bytes"
	"slices"
	"strings"

	"github.com/satchel-wallet/satchel/share/qr"
	"github.com/satchel-wallet/satchel/wallet"
)

// unwrapQR turns inputs that are QR payloads — the text of a Satchel or
// vpqr (VP1-) QR code, or an image of one — into the presentation they
// carry, so that importing or verifying them reaches the credentials
// inside. Other inputs, baked badges included, pass unchanged; a payload
// that does not decode is left for the checker to refuse with its reason.
func unwrapQR(in []wallet.Input) []wallet.Input {
	out := make([]wallet.Input, len(in))
	for i, input := range in {
		out[i] = input
		var texts []string
		switch {
		case qr.IsPayload(strings.TrimSpace(string(input.Data))):
			texts = []string{strings.TrimSpace(string(input.Data))}
		case isImage(input.Data):
			img, err := qr.ReadImage(bytes.NewReader(input.Data))
			if err != nil {
				continue
			}
			found, err := qr.ReadCodes(img)
			if err != nil || !slices.ContainsFunc(found, qr.IsPayload) {
				continue
			}
			texts = found
		default:
			continue
		}
		if data, err := qr.DecodePresentation(texts...); err == nil {
			out[i].Data = data
		}
	}
	return out
}
