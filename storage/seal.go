package storage

import (
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/binary"
	"errors"
	"fmt"

	"golang.org/x/crypto/chacha20"
	"golang.org/x/crypto/chacha20poly1305"

	"github.com/satchel-wallet/satchel/wallet"
)

// formatVersion is the layout and sealing version of files this package
// writes. It is bound into the associated data of every record and of the
// wrapped key.
const formatVersion uint32 = 1

const (
	dataKeySize = 32
	nonceSize   = chacha20poly1305.NonceSizeX // 24
	tagSize     = chacha20poly1305.Overhead   // 16
	// nameTagSize is the truncated HMAC that starts a stored name and serves
	// as its XChaCha20 nonce. 192 bits make collisions between ids
	// impossible in practice.
	nameTagSize = chacha20.NonceSizeX
)

// HKDF info strings: one subkey per purpose, so no key is used twice.
const (
	infoRecord  = "satchel vault v1 record"
	infoNameMAC = "satchel vault v1 name mac"
	infoNameEnc = "satchel vault v1 name enc"
	wrapLabel   = "satchel vault v1 data key"
)

// recordKeys are the subkeys of an open vault.
type recordKeys struct {
	aead    cipherAEAD
	nameMAC []byte
	nameEnc []byte
}

// cipherAEAD is the part of cipher.AEAD the vault uses.
type cipherAEAD interface {
	Seal(dst, nonce, plaintext, additionalData []byte) []byte
	Open(dst, nonce, ciphertext, additionalData []byte) ([]byte, error)
}

func newRecordKeys(dataKey []byte) (*recordKeys, error) {
	derive := func(info string) ([]byte, error) {
		return hkdf.Key(sha256.New, dataKey, nil, info, 32)
	}
	rec, err := derive(infoRecord)
	if err != nil {
		return nil, err
	}
	mac, err := derive(infoNameMAC)
	if err != nil {
		return nil, err
	}
	enc, err := derive(infoNameEnc)
	if err != nil {
		return nil, err
	}
	aead, err := chacha20poly1305.NewX(rec)
	if err != nil {
		return nil, err
	}
	clear(rec)
	return &recordKeys{aead: aead, nameMAC: mac, nameEnc: enc}, nil
}

// wipe clears what it can of the keys. The AEAD's internal copy is out of
// reach; dropping the reference lets it be collected.
func (k *recordKeys) wipe() {
	clear(k.nameMAC)
	clear(k.nameEnc)
	k.aead = nil
}

// nameTag is HMAC-SHA256(bucket | 0 | id) truncated to nameTagSize.
func (k *recordKeys) nameTag(b wallet.Bucket, id []byte) []byte {
	m := hmac.New(sha256.New, k.nameMAC)
	m.Write([]byte(b))
	m.Write([]byte{0})
	m.Write(id)
	return m.Sum(nil)[:nameTagSize]
}

// name returns the stored key of record id in bucket b.
func (k *recordKeys) name(b wallet.Bucket, id string) []byte {
	tag := k.nameTag(b, []byte(id))
	out := make([]byte, nameTagSize+len(id))
	copy(out, tag)
	s, _ := chacha20.NewUnauthenticatedCipher(k.nameEnc, tag) // sizes are fixed
	s.XORKeyStream(out[nameTagSize:], []byte(id))
	return out
}

// id recovers and authenticates the record id from a stored key.
func (k *recordKeys) id(b wallet.Bucket, stored []byte) (string, error) {
	if len(stored) <= nameTagSize {
		return "", fmt.Errorf("stored name of %d bytes: %w", len(stored), wallet.ErrIntegrity)
	}
	tag, ct := stored[:nameTagSize], stored[nameTagSize:]
	id := make([]byte, len(ct))
	s, _ := chacha20.NewUnauthenticatedCipher(k.nameEnc, tag)
	s.XORKeyStream(id, ct)
	if subtle.ConstantTimeCompare(tag, k.nameTag(b, id)) != 1 {
		return "", fmt.Errorf("stored name does not authenticate: %w", wallet.ErrIntegrity)
	}
	return string(id), nil
}

// recordAD is the associated data of a record: format | bucket | 0 | name.
func recordAD(b wallet.Bucket, stored []byte) []byte {
	ad := binary.BigEndian.AppendUint32(make([]byte, 0, 4+len(b)+1+len(stored)), formatVersion)
	ad = append(ad, b...)
	ad = append(ad, 0)
	return append(ad, stored...)
}

// seal encrypts a record value under a fresh random nonce.
func (k *recordKeys) seal(b wallet.Bucket, stored, value []byte) []byte {
	out := make([]byte, nonceSize, nonceSize+len(value)+tagSize)
	_, _ = rand.Read(out)
	return k.aead.Seal(out, out, value, recordAD(b, stored))
}

// open decrypts and authenticates a sealed record value.
func (k *recordKeys) open(b wallet.Bucket, stored, sealed []byte) ([]byte, error) {
	if len(sealed) < nonceSize+tagSize {
		return nil, fmt.Errorf("sealed value of %d bytes: %w", len(sealed), wallet.ErrIntegrity)
	}
	pt, err := k.aead.Open(nil, sealed[:nonceSize], sealed[nonceSize:], recordAD(b, stored))
	if err != nil {
		return nil, fmt.Errorf("record does not authenticate: %w", wallet.ErrIntegrity)
	}
	if pt == nil {
		pt = []byte{}
	}
	return pt, nil
}

// wrapAD binds the wrapped key to the format and the KDF parameters.
func wrapAD(kdf []byte) []byte {
	ad := append([]byte(wrapLabel), 0)
	ad = binary.BigEndian.AppendUint32(ad, formatVersion)
	return append(ad, kdf...)
}

// wrapKey seals the data key under the KEK.
func wrapKey(kek, dataKey, kdf []byte) ([]byte, error) {
	aead, err := chacha20poly1305.NewX(kek)
	if err != nil {
		return nil, err
	}
	out := make([]byte, nonceSize, nonceSize+dataKeySize+tagSize)
	_, _ = rand.Read(out)
	return aead.Seal(out, out, dataKey, wrapAD(kdf)), nil
}

// errUnwrap is returned when the KEK does not open the wrapped key: the
// passphrase is wrong, or the header was altered. The two cannot be told
// apart, and the learner is told only that the passphrase did not work.
var errUnwrap = errors.New("wrapped key does not open")

// unwrapKey opens the wrapped data key.
func unwrapKey(kek, wrapped, kdf []byte) ([]byte, error) {
	aead, err := chacha20poly1305.NewX(kek)
	if err != nil {
		return nil, err
	}
	if len(wrapped) != nonceSize+dataKeySize+tagSize {
		return nil, fmt.Errorf("wrapped key of %d bytes: %w", len(wrapped), ErrNotVault)
	}
	key, err := aead.Open(nil, wrapped[:nonceSize], wrapped[nonceSize:], wrapAD(kdf))
	if err != nil {
		return nil, errUnwrap
	}
	return key, nil
}
