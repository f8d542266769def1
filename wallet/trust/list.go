package trust

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/satchel-wallet/satchel/wallet/jose"
)

// Version is the trust list format this package reads and writes.
const Version = 1

// Entry is one issuer on the trust list.
type Entry struct {
	// Name is what the learner sees, e.g. "Universidad de Ejemplo".
	Name string `json:"name"`
	// Source says where the learner got the entry, e.g. "EU trusted list",
	// "my university's list", "added by me".
	Source string `json:"source"`
	// DIDs are matched exactly against the signer.
	DIDs []string `json:"dids,omitempty"`
	// Domains are DNS names matching did:web and https identifiers on
	// them and their subdomains.
	Domains []string `json:"domains,omitempty"`
	// Organizations are organisation names as an eSeal certificate's
	// subject gives them, matched ignoring case and white space.
	Organizations []string `json:"organizations,omitempty"`
	// OrganizationIdentifiers are certificate organizationIdentifier
	// values, e.g. "VATBE-0123456789".
	OrganizationIdentifiers []string `json:"organizationIdentifiers,omitempty"`
	// Added is the date the entry was added, as YYYY-MM-DD.
	Added string `json:"added"`
	// Note is the learner's note, if any.
	Note string `json:"note,omitempty"`
}

// file is the JSON form of a list.
type file struct {
	Version *int    `json:"version"`
	Entries []Entry `json:"entries"`
}

// List is a trust list. The zero value is an empty list; a List is safe
// for concurrent use, so verifications can consult it while the learner
// edits it.
type List struct {
	mu      sync.RWMutex
	entries []Entry
	// index maps every name and identifier key (see keys) to the
	// position of its entry.
	index map[string]int
}

// New returns an empty list.
func New() *List { return &List{} }

// Parse reads a trust list file (see the package documentation). It
// refuses files over [MaxFileSize], JSON that is not UTF-8, nests deeper
// than the format or names a member twice, members the format does not
// have ([ErrMalformed]), a missing or other version ([ErrVersion]), more
// than [MaxEntries] entries ([ErrTooLarge]), invalid entries
// ([ErrInvalidEntry]) and duplicate names or identifiers ([ErrDuplicate]).
// Every error names the entry at fault.
func Parse(data []byte) (*List, error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("trust: file of %d bytes (limit %d): %w", len(data), MaxFileSize, ErrTooLarge)
	}
	if err := jose.CheckJSON(data, maxDepth); err != nil {
		if errors.Is(err, jose.ErrTooLarge) {
			return nil, fmt.Errorf("trust: %v: %w", err, ErrMalformed)
		}
		return nil, fmt.Errorf("trust: not valid JSON: %v: %w", err, ErrMalformed)
	}
	if err := exactMembers(data); err != nil {
		return nil, fmt.Errorf("trust: %w: %w", err, ErrMalformed)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f file
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("trust: %s: %w", jsonProblem(err), ErrMalformed)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("trust: data after the list: %w", ErrMalformed)
	}
	switch {
	case f.Version == nil:
		return nil, fmt.Errorf("trust: the file has no version: %w", ErrVersion)
	case *f.Version != Version:
		return nil, fmt.Errorf("trust: version %d (this Satchel reads version %d): %w", *f.Version, Version, ErrVersion)
	case len(f.Entries) > MaxEntries:
		return nil, fmt.Errorf("trust: %d entries (limit %d): %w", len(f.Entries), MaxEntries, ErrTooLarge)
	}
	l := &List{entries: make([]Entry, 0, len(f.Entries)), index: make(map[string]int)}
	for i, e := range f.Entries {
		if err := l.add(e, i); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// entryMembers are the member names of an entry, as the format spells
// them.
var entryMembers = map[string]bool{
	"name": true, "source": true, "dids": true, "domains": true, "organizations": true,
	"organizationIdentifiers": true, "added": true, "note": true,
}

// exactMembers refuses member names that the format does not spell that
// way. encoding/json matches names ignoring case, so "Name" would be read
// as "name", and a file holding both would say different things to
// different readers. Syntax and type errors are left to the decoding that
// follows, which reports them better.
func exactMembers(data []byte) error {
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return nil
	}
	for k := range top {
		if k != "version" && k != "entries" {
			return fmt.Errorf("unknown member %q (see the trust list format)", short(k))
		}
	}
	var entries []map[string]json.RawMessage
	if json.Unmarshal(top["entries"], &entries) != nil {
		return nil
	}
	for i, e := range entries {
		for k := range e {
			if !entryMembers[k] {
				return fmt.Errorf("entry %d: unknown member %q (see the trust list format)", i+1, short(k))
			}
		}
	}
	return nil
}

// jsonProblem says what a decoding error means for the file, without
// naming Go types.
func jsonProblem(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("not valid JSON at byte %d (%v)", syn.Offset, err)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "not valid JSON (the file is empty or cut short)"
	case errors.As(err, &typ):
		where := typ.Field
		if where == "" {
			return "the file is a JSON " + typ.Value + ", not an object"
		}
		return fmt.Sprintf("%s is a JSON %s, which it cannot be", where, typ.Value)
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return "unknown member " + name + " (see the trust list format)"
	}
	return err.Error()
}

// Marshal writes the list in the file format: version 1, the entries in
// order, indented, with a final newline.
func (l *List) Marshal() ([]byte, error) {
	v := Version
	f := file{Version: &v, Entries: l.Entries()}
	if f.Entries == nil {
		f.Entries = []Entry{}
	}
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("trust: %w", err)
	}
	return append(b, '\n'), nil
}

// Entries returns a copy of the entries, in order.
func (l *List) Entries() []Entry {
	if l == nil {
		return nil
	}
	l.mu.RLock()
	defer l.mu.RUnlock()
	out := make([]Entry, len(l.entries))
	for i, e := range l.entries {
		out[i] = e.clone()
	}
	return out
}

// Len returns the number of entries.
func (l *List) Len() int {
	if l == nil {
		return 0
	}
	l.mu.RLock()
	defer l.mu.RUnlock()
	return len(l.entries)
}

// Add validates e, canonicalises it as Parse does, and appends it. An
// empty Added is set to today's date. It returns an error wrapping
// [ErrInvalidEntry], [ErrDuplicate] (a name or identifier already on the
// list: remove that entry first) or [ErrTooLarge].
func (l *List) Add(e Entry) error {
	if e.Added == "" {
		e.Added = time.Now().Format(time.DateOnly)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.entries) >= MaxEntries {
		return fmt.Errorf("trust: the list holds %d entries already: %w", MaxEntries, ErrTooLarge)
	}
	return l.add(e, len(l.entries))
}

// Remove removes the entry called name (compared as names are: ignoring
// case and white space) and reports whether there was one.
func (l *List) Remove(name string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	key := foldText(name)
	i := slices.IndexFunc(l.entries, func(e Entry) bool { return foldText(e.Name) == key })
	if i < 0 {
		return false
	}
	l.entries = slices.Delete(l.entries, i, i+1)
	l.index = make(map[string]int, len(l.index))
	for j, e := range l.entries {
		for _, k := range keys(e) {
			l.index[k.key] = j
		}
	}
	return true
}

// add validates and canonicalises e, checks it against the entries
// already held, and appends it; i is its position, for messages. The
// caller holds the lock (or owns l).
func (l *List) add(e Entry, i int) error {
	e, err := canonical(e)
	if err != nil {
		return fmt.Errorf("trust: entry %d (%q): %w", i+1, short(e.Name), err)
	}
	ks := keys(e)
	seen := make(map[string]bool, len(ks))
	for _, k := range ks {
		if seen[k.key] {
			return fmt.Errorf("trust: entry %d (%q) lists %s twice: %w", i+1, short(e.Name), k.what, ErrDuplicate)
		}
		seen[k.key] = true
		if j, dup := l.index[k.key]; dup {
			return fmt.Errorf("trust: entry %d (%q): %s is already in entry %d (%q): %w", i+1, short(e.Name), k.what, j+1, short(l.entries[j].Name), ErrDuplicate)
		}
	}
	if l.index == nil {
		l.index = make(map[string]int)
	}
	for _, k := range ks {
		l.index[k.key] = len(l.entries)
	}
	l.entries = append(l.entries, e)
	return nil
}

func (e Entry) clone() Entry {
	e.DIDs = slices.Clone(e.DIDs)
	e.Domains = slices.Clone(e.Domains)
	e.Organizations = slices.Clone(e.Organizations)
	e.OrganizationIdentifiers = slices.Clone(e.OrganizationIdentifiers)
	return e
}
