package wallet

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/satchel-wallet/satchel/wallet/search"
)

// maxGroupName bounds collection and stack names: a name is a label, and
// the bound keeps records and list views tidy.
const maxGroupName = 200

// maxGroupMembers bounds the members of a collection or stack: far above
// any real wallet, low enough that a record stays under a megabyte.
const maxGroupMembers = 20000

// groupOps reads and writes named groups of credentials (collections and
// stacks) in their bucket: both have an id, a unique name and members.
type groupOps[T any] struct {
	bucket  Bucket
	noun    string
	id      func(*T) *string
	name    func(*T) *string
	members func(*T) *[]string
}

// cleanName trims a group name and checks it is one a learner can read.
func cleanName(noun, name string) (string, error) {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return "", fmt.Errorf("a %s needs a name: %w", noun, ErrInvalid)
	}
	if utf8.RuneCountInString(name) > maxGroupName {
		return "", fmt.Errorf("%s name longer than %d characters: %w", noun, maxGroupName, ErrInvalid)
	}
	if strings.IndexFunc(name, unicode.IsControl) >= 0 || !utf8.ValidString(name) {
		return "", fmt.Errorf("%s name %q has control characters: %w", noun, name, ErrInvalid)
	}
	return name, nil
}

// all returns every group, by name.
func (g groupOps[T]) all(tx Tx) ([]T, error) {
	var out []T
	err := tx.ForEach(g.bucket, func(id string, v []byte) error {
		var r T
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("%s %s: %v: %w", g.noun, id, err, ErrIntegrity)
		}
		out = append(out, r)
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool {
		return search.Fold(*g.name(&out[i])) < search.Fold(*g.name(&out[j]))
	})
	return out, err
}

// find returns the group whose id is ref, or whose name is ref ignoring
// case and accents.
func (g groupOps[T]) find(tx Tx, ref string) (T, error) {
	var zero T
	ref = strings.TrimSpace(ref)
	if v, err := tx.Get(g.bucket, ref); err == nil {
		var r T
		if err := json.Unmarshal(v, &r); err != nil {
			return zero, fmt.Errorf("%s %s: %v: %w", g.noun, ref, err, ErrIntegrity)
		}
		return r, nil
	}
	all, err := g.all(tx)
	var damaged *DamagedError
	if err != nil && !errors.As(err, &damaged) {
		return zero, err
	}
	want := search.Fold(strings.Join(strings.Fields(ref), " "))
	for _, r := range all {
		if search.Fold(*g.name(&r)) == want {
			return r, nil
		}
	}
	return zero, fmt.Errorf("%s %q: %w", g.noun, ref, ErrNotFound)
}

// create stores a new group under a new id, refusing a name in use.
func (g groupOps[T]) create(tx Tx, r *T) error {
	name, err := cleanName(g.noun, *g.name(r))
	if err != nil {
		return err
	}
	*g.name(r) = name
	if _, err := g.find(tx, name); err == nil {
		return fmt.Errorf("a %s named %q: %w", g.noun, name, ErrExists)
	} else if !errors.Is(err, ErrNotFound) {
		return err
	}
	*g.id(r) = newID()
	return putJSON(tx, g.bucket, *g.id(r), r)
}

// rename gives the group ref a new, unused name.
func (g groupOps[T]) rename(tx Tx, ref, newName string) (T, error) {
	r, err := g.find(tx, ref)
	if err != nil {
		return r, err
	}
	name, err := cleanName(g.noun, newName)
	if err != nil {
		return r, err
	}
	if other, err := g.find(tx, name); err == nil && *g.id(&other) != *g.id(&r) {
		return r, fmt.Errorf("a %s named %q: %w", g.noun, name, ErrExists)
	}
	*g.name(&r) = name
	return r, putJSON(tx, g.bucket, *g.id(&r), &r)
}

// remove deletes the group ref; its credentials stay in the wallet.
func (g groupOps[T]) remove(tx Tx, ref string) (T, error) {
	r, err := g.find(tx, ref)
	if err != nil {
		return r, err
	}
	return r, tx.Delete(g.bucket, *g.id(&r))
}

// addMembers adds the credentials ids name (full ids or prefixes) to the
// group ref and returns it with the ids that were not members before.
func (g groupOps[T]) addMembers(tx Tx, ref string, ids []string) (T, []string, error) {
	r, err := g.find(tx, ref)
	if err != nil {
		return r, nil, err
	}
	members := g.members(&r)
	var added []string
	for _, id := range ids {
		full, err := resolveID(tx, id)
		if err != nil {
			return r, nil, err
		}
		if !slices.Contains(*members, full) {
			*members = append(*members, full)
			added = append(added, full)
		}
	}
	if len(*members) > maxGroupMembers {
		return r, nil, fmt.Errorf("a %s holds at most %d credentials: %w", g.noun, maxGroupMembers, ErrInvalid)
	}
	return r, added, putJSON(tx, g.bucket, *g.id(&r), &r)
}

// removeMembers takes credentials out of the group ref and returns it with
// the ids that were members. An id that names no credential any more can
// still be removed by its full value.
func (g groupOps[T]) removeMembers(tx Tx, ref string, ids []string) (T, []string, error) {
	r, err := g.find(tx, ref)
	if err != nil {
		return r, nil, err
	}
	members := g.members(&r)
	var removed []string
	for _, id := range ids {
		full := strings.ToLower(strings.TrimSpace(id))
		if !slices.Contains(*members, full) {
			if full, err = resolveID(tx, id); err != nil {
				return r, nil, err
			}
		}
		if i := slices.Index(*members, full); i >= 0 {
			*members = slices.Delete(*members, i, i+1)
			removed = append(removed, full)
		}
	}
	return r, removed, putJSON(tx, g.bucket, *g.id(&r), &r)
}

// dropEverywhere removes credential id from every group and returns the
// names of the groups that held it.
func (g groupOps[T]) dropEverywhere(tx Tx, id string) ([]string, error) {
	all, err := g.all(tx)
	var damaged *DamagedError
	if err != nil && !errors.As(err, &damaged) {
		return nil, err
	}
	var names []string
	for _, r := range all {
		members := g.members(&r)
		if i := slices.Index(*members, id); i >= 0 {
			*members = slices.Delete(*members, i, i+1)
			if err := putJSON(tx, g.bucket, *g.id(&r), &r); err != nil {
				return nil, err
			}
			names = append(names, *g.name(&r))
		}
	}
	return names, nil
}

// membership maps each credential id to the ids of the groups holding it.
func (g groupOps[T]) membership(tx Tx) (map[string][]string, error) {
	all, err := g.all(tx)
	out := make(map[string][]string)
	for _, r := range all {
		for _, m := range *g.members(&r) {
			out[m] = append(out[m], *g.id(&r))
		}
	}
	return out, err
}
