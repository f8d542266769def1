package wallet

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/stack"
)

var stackOps = groupOps[stack.Stack]{
	bucket:  BucketStacks,
	noun:    "stack",
	id:      func(s *stack.Stack) *string { return &s.ID },
	name:    func(s *stack.Stack) *string { return &s.Name },
	members: func(s *stack.Stack) *[]string { return &s.Members },
}

// Stacks returns every stack, by name.
func (w *Wallet) Stacks() ([]stack.Stack, error) {
	var out []stack.Stack
	err := w.store.View(func(tx Tx) error {
		var err error
		out, err = stackOps.all(tx)
		return err
	})
	if err != nil {
		return out, fmt.Errorf("list stacks: %w", err)
	}
	return out, nil
}

// Stack returns the stack whose id or name is ref.
func (w *Wallet) Stack(ref string) (stack.Stack, error) {
	var s stack.Stack
	err := w.store.View(func(tx Tx) error {
		var err error
		s, err = stackOps.find(tx, ref)
		return err
	})
	return s, err
}

// CreateStack makes a stack with s's name, description, target and
// members (ids or id prefixes, like the target's required credentials).
func (w *Wallet) CreateStack(s stack.Stack) (stack.Stack, error) {
	s.Created = w.now().UTC().Truncate(time.Second)
	err := w.store.Update(func(tx Tx) error {
		if err := resolveAll(tx, s.Target.Credentials); err != nil {
			return err
		}
		if err := resolveAll(tx, s.Members); err != nil {
			return err
		}
		if err := s.Validate(); err != nil {
			return fmt.Errorf("%v: %w", err, ErrInvalid)
		}
		return stackOps.create(tx, &s)
	})
	if err != nil {
		return s, fmt.Errorf("create stack: %w", err)
	}
	return s, nil
}

// SetStackTarget replaces the target of the stack ref.
func (w *Wallet) SetStackTarget(ref string, t stack.Target) (stack.Stack, error) {
	var s stack.Stack
	err := w.store.Update(func(tx Tx) error {
		var err error
		if s, err = stackOps.find(tx, ref); err != nil {
			return err
		}
		if err := resolveAll(tx, t.Credentials); err != nil {
			return err
		}
		s.Target = t
		if err := s.Validate(); err != nil {
			return fmt.Errorf("%v: %w", err, ErrInvalid)
		}
		return putJSON(tx, BucketStacks, s.ID, s)
	})
	if err != nil {
		return s, fmt.Errorf("set stack target: %w", err)
	}
	return s, nil
}

// RenameStack renames the stack ref.
func (w *Wallet) RenameStack(ref, name string) (stack.Stack, error) {
	var s stack.Stack
	err := w.store.Update(func(tx Tx) error {
		var err error
		s, err = stackOps.rename(tx, ref, name)
		return err
	})
	if err != nil {
		return s, fmt.Errorf("rename stack: %w", err)
	}
	return s, nil
}

// DeleteStack deletes the stack ref; its credentials stay.
func (w *Wallet) DeleteStack(ref string) (stack.Stack, error) {
	var s stack.Stack
	err := w.store.Update(func(tx Tx) error {
		var err error
		s, err = stackOps.remove(tx, ref)
		return err
	})
	if err != nil {
		return s, fmt.Errorf("delete stack: %w", err)
	}
	return s, nil
}

// AddToStack adds credentials to the stack ref and returns it with the ids
// newly added.
func (w *Wallet) AddToStack(ref string, ids ...string) (stack.Stack, []string, error) {
	var s stack.Stack
	var added []string
	err := w.store.Update(func(tx Tx) error {
		var err error
		s, added, err = stackOps.addMembers(tx, ref, ids)
		return err
	})
	if err != nil {
		return s, nil, fmt.Errorf("add to stack: %w", err)
	}
	return s, added, nil
}

// RemoveFromStack takes credentials out of the stack ref.
func (w *Wallet) RemoveFromStack(ref string, ids ...string) (stack.Stack, []string, error) {
	var s stack.Stack
	var removed []string
	err := w.store.Update(func(tx Tx) error {
		var err error
		s, removed, err = stackOps.removeMembers(tx, ref, ids)
		return err
	})
	if err != nil {
		return s, nil, fmt.Errorf("remove from stack: %w", err)
	}
	return s, removed, nil
}

// StackProgress computes the progress of the stack ref now.
func (w *Wallet) StackProgress(ref string) (stack.Progress, error) {
	var p stack.Progress
	err := w.store.View(func(tx Tx) error {
		s, err := stackOps.find(tx, ref)
		if err != nil {
			return err
		}
		members, err := credentialsByID(tx, s.Members)
		if err != nil {
			return err
		}
		p = stack.Compute(s, members, w.now())
		return nil
	})
	if err != nil {
		return p, fmt.Errorf("stack progress: %w", err)
	}
	return p, nil
}

// SuggestForStack ranks the wallet's other credentials as members of the
// stack ref; at most limit (all when limit <= 0).
func (w *Wallet) SuggestForStack(ref string, limit int) ([]stack.Suggestion, error) {
	s, err := w.Stack(ref)
	if err != nil {
		return nil, fmt.Errorf("suggest for stack: %w", err)
	}
	all, err := w.Credentials()
	var damaged *DamagedError
	if err != nil && !errors.As(err, &damaged) {
		return nil, fmt.Errorf("suggest for stack: %w", err)
	}
	inStack := make(map[string]bool, len(s.Members))
	for _, id := range s.Members {
		inStack[id] = true
	}
	var members, candidates []*credential.Credential
	for i := range all {
		if inStack[all[i].ID] {
			members = append(members, &all[i])
		} else {
			candidates = append(candidates, &all[i])
		}
	}
	return stack.Suggest(s, members, candidates, w.now(), limit), nil
}

// resolveAll replaces each id prefix in ids with the full credential id.
func resolveAll(tx Tx, ids []string) error {
	for i, id := range ids {
		full, err := resolveID(tx, id)
		if err != nil {
			return err
		}
		ids[i] = full
	}
	return nil
}

// credentialsByID reads the credentials with the given ids; ids with no
// credential are left out.
func credentialsByID(tx Tx, ids []string) ([]*credential.Credential, error) {
	out := make([]*credential.Credential, 0, len(ids))
	for _, id := range ids {
		v, err := tx.Get(BucketCredentials, id)
		if errors.Is(err, ErrNotFound) || errors.Is(err, ErrIntegrity) {
			continue // reported as missing by stack.Compute
		}
		if err != nil {
			return nil, err
		}
		var c credential.Credential
		if err := json.Unmarshal(v, &c); err != nil {
			return nil, fmt.Errorf("credential %s: %v: %w", id, err, ErrIntegrity)
		}
		out = append(out, &c)
	}
	return out, nil
}
