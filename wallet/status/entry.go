package status

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// Status entry types, as [credential.StatusEntry.Type] holds them.
const (
	// TypeBitstring is a W3C Bitstring Status List v1.0 entry.
	TypeBitstring = "BitstringStatusListEntry"
	// TypeStatusList2021 is the entry of StatusList2021, the W3C
	// community draft Bitstring Status List grew out of.
	TypeStatusList2021 = "StatusList2021Entry"
	// TypeTokenStatusList is an IETF Token Status List reference: the
	// status.status_list claim of an SD-JWT VC (or JWT), whose uri and idx
	// become ListURL and Index.
	TypeTokenStatusList = "TokenStatusList"
)

// Status purposes of W3C entries that Check acts on.
const (
	// PurposeRevocation: a set bit means the credential is revoked.
	PurposeRevocation = "revocation"
	// PurposeSuspension: a set bit means the credential is suspended.
	PurposeSuspension = "suspension"
)

// Entries returns the status entries of a credential, as parsed JSON: the
// credentialStatus of a W3C credential (one object or an array; inside
// the "vc" claim of a VC 1.1 JWT when not at the top), and the
// status.status_list claim of an SD-JWT VC or other JWT. The result is in
// document order; nil when the credential has none.
//
// Entries never fails: it reports what the document says and leaves
// judging it to [Check]. An entry without a usable index gets Index -1
// ([Check] reports it as damaged). An entry Satchel cannot check keeps a
// Type that [Check] reports as unsupported: the entry's own type for
// unknown mechanisms (e.g. "1EdTechRevocationList"), and for a W3C entry
// with a statusSize other than 1 its type followed by the size, e.g.
// "BitstringStatusListEntry with statusSize 2", because
// [credential.StatusEntry] has no field for the size and reading such a
// list one bit per entry would give wrong answers.
func Entries(doc map[string]any) []credential.StatusEntry {
	var out []credential.StatusEntry
	cs, ok := doc["credentialStatus"]
	if !ok {
		if vc, isMap := doc["vc"].(map[string]any); isMap {
			cs, ok = vc["credentialStatus"]
		}
	}
	if ok {
		for _, v := range asList(cs) {
			if m, isMap := v.(map[string]any); isMap {
				out = append(out, w3cEntry(m))
			}
		}
	}
	if st, isMap := doc["status"].(map[string]any); isMap {
		out = append(out, tokenEntries(st)...)
	}
	return out
}

// w3cEntry reads one credentialStatus object.
func w3cEntry(m map[string]any) credential.StatusEntry {
	typ := firstType(m["type"])
	e := credential.StatusEntry{Type: typ, Index: -1}
	e.Purpose, _ = m["statusPurpose"].(string)
	switch typ {
	case TypeBitstring, TypeStatusList2021:
		e.ListURL, _ = m["statusListCredential"].(string)
		e.Index = parseIndex(m["statusListIndex"])
		if size, present := m["statusSize"]; present && parseIndex(size) != 1 {
			e.Type = fmt.Sprintf("%s with statusSize %v", typ, size)
		}
	default:
		// An unknown mechanism: keep where it points, for the message.
		e.ListURL, _ = m["id"].(string)
	}
	return e
}

// tokenEntries reads the "status" claim of a JWT: its status_list member
// is a Token Status List reference; any other member is a mechanism
// Satchel does not check.
func tokenEntries(st map[string]any) []credential.StatusEntry {
	var out []credential.StatusEntry
	for _, name := range slices.Sorted(maps.Keys(st)) {
		m, _ := st[name].(map[string]any)
		if name != "status_list" {
			uri, _ := m["uri"].(string)
			out = append(out, credential.StatusEntry{Type: name, ListURL: uri, Index: -1})
			continue
		}
		e := credential.StatusEntry{Type: TypeTokenStatusList, Index: -1}
		if m != nil {
			e.ListURL, _ = m["uri"].(string)
			if f, isNum := m["idx"].(float64); isNum {
				e.Index = floatIndex(f)
			}
		}
		out = append(out, e)
	}
	return out
}

// parseIndex reads a W3C statusListIndex: a string of decimal digits, as
// the specifications require, or a JSON number, as some issuers write it
// (1EdTech's test credentials do). Anything else is -1.
func parseIndex(v any) int {
	switch x := v.(type) {
	case string:
		if x == "" || len(x) > maxIndexDigits {
			return -1
		}
		for _, c := range x {
			if c < '0' || c > '9' {
				return -1
			}
		}
		n, err := strconv.Atoi(x)
		if err != nil {
			return -1
		}
		return n
	case float64:
		return floatIndex(x)
	case int:
		return x
	}
	return -1
}

// floatIndex accepts a JSON number that is a non-negative integer small
// enough to be an index.
func floatIndex(f float64) int {
	if f < 0 || f != math.Trunc(f) || f >= math.Pow10(maxIndexDigits) {
		return -1
	}
	return int(f)
}

// firstType returns a type given as a string, or the first string of an
// array of types that names a known entry type (else the first string).
func firstType(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	first := ""
	for _, t := range asList(v) {
		s, ok := t.(string)
		if !ok {
			continue
		}
		if s == TypeBitstring || s == TypeStatusList2021 {
			return s
		}
		if first == "" {
			first = s
		}
	}
	return first
}

func asList(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	if v == nil {
		return nil
	}
	return []any{v}
}
