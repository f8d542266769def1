package ob2

import (
	"crypto/md5"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"strings"
)

// RecipientMatches reports whether identity (an e-mail address, URL or
// telephone number) is the one a hashed Open Badges recipient stands
// for. hash is the recipient's identity ("sha256$<hex>", or "md5$<hex>"
// as Open Badges 1.x allowed) and salt its salt, as the holder check of
// a reading carries them in its Args (Hash, Salt). E-mail addresses are
// tried as given and in lower case, since bakers differ.
func RecipientMatches(hash, salt, identity string) bool {
	algo, want, ok := strings.Cut(hash, "$")
	if !ok || identity == "" {
		return false
	}
	wantBytes, err := hex.DecodeString(strings.ToLower(want))
	if err != nil {
		return false
	}
	for _, id := range []string{identity, strings.ToLower(identity)} {
		var got []byte
		switch strings.ToLower(algo) {
		case "sha256":
			s := sha256.Sum256([]byte(id + salt))
			got = s[:]
		case "md5":
			s := md5.Sum([]byte(id + salt))
			got = s[:]
		default:
			return false
		}
		if subtle.ConstantTimeCompare(got, wantBytes) == 1 {
			return true
		}
	}
	return false
}
