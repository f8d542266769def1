package wallet

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/search"
)

// Limits on tags: a tag is a short label, and a credential with more tags
// than this is being used as a notebook.
const (
	maxTagLength = 64
	maxTags      = 50
)

// cleanTag trims a tag and checks it is a short, readable label.
func cleanTag(tag string) (string, error) {
	tag = strings.Join(strings.Fields(tag), " ")
	switch {
	case tag == "":
		return "", fmt.Errorf("an empty tag: %w", ErrInvalid)
	case utf8.RuneCountInString(tag) > maxTagLength:
		return "", fmt.Errorf("tag %q is longer than %d characters: %w", tag, maxTagLength, ErrInvalid)
	case !utf8.ValidString(tag) || strings.IndexFunc(tag, unicode.IsControl) >= 0:
		return "", fmt.Errorf("tag %q has control characters: %w", tag, ErrInvalid)
	}
	return tag, nil
}

// AddTags tags the credential id with tags (free text; a tag it already
// has, ignoring case and accents, is not added twice) and returns it.
func (w *Wallet) AddTags(id string, tags ...string) (credential.Credential, error) {
	return w.editTags(id, func(have []string) ([]string, error) {
		for _, t := range tags {
			t, err := cleanTag(t)
			if err != nil {
				return nil, err
			}
			if !slices.ContainsFunc(have, func(h string) bool { return search.Fold(h) == search.Fold(t) }) {
				have = append(have, t)
			}
		}
		if len(have) > maxTags {
			return nil, fmt.Errorf("a credential has at most %d tags: %w", maxTags, ErrInvalid)
		}
		return have, nil
	})
}

// RemoveTags takes tags off the credential id (ignoring case and accents)
// and returns it. Removing a tag it does not have is not an error.
func (w *Wallet) RemoveTags(id string, tags ...string) (credential.Credential, error) {
	return w.editTags(id, func(have []string) ([]string, error) {
		return slices.DeleteFunc(have, func(h string) bool {
			return slices.ContainsFunc(tags, func(t string) bool { return search.Fold(h) == search.Fold(t) })
		}), nil
	})
}

func (w *Wallet) editTags(id string, edit func([]string) ([]string, error)) (credential.Credential, error) {
	var c credential.Credential
	err := w.store.Update(func(tx Tx) error {
		var err error
		if c, err = getCredential(tx, id); err != nil {
			return err
		}
		if c.Tags, err = edit(c.Tags); err != nil {
			return err
		}
		if len(c.Tags) == 0 {
			c.Tags = nil
		}
		return putJSON(tx, BucketCredentials, c.ID, c)
	})
	if err != nil {
		return c, fmt.Errorf("tag credential: %w", err)
	}
	return c, nil
}

// TagCount is a tag with the number of credentials carrying it.
type TagCount struct {
	Tag   string `json:"tag"`
	Count int    `json:"count"`
}

// Tags returns every tag in the wallet with how many credentials carry it,
// by name. Tags that differ only in case or accents are counted as one,
// under the spelling seen first.
func Tags(creds []credential.Credential) []TagCount {
	idx := make(map[string]int)
	var out []TagCount
	for _, c := range creds {
		for _, t := range c.Tags {
			k := search.Fold(t)
			if i, ok := idx[k]; ok {
				out[i].Count++
				continue
			}
			idx[k] = len(out)
			out = append(out, TagCount{t, 1})
		}
	}
	sort.Slice(out, func(i, j int) bool { return search.Fold(out[i].Tag) < search.Fold(out[j].Tag) })
	return out
}
