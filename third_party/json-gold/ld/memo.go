package ld

// Memoised context processing (a Satchel patch, see ../PATCHES.md).
//
// Expanding a document applies the same scoped contexts over and over:
// Open Badges 3.0 defines a type-scoped context for nearly every type, and
// every credential applies them all again. Processing a context means
// creating every term definition it holds, so json-gold spent nearly all of
// its time there. jsonld.js caches the result of applying a local context
// to an active context; this does the same.
//
// A context's fingerprint (Context.fp) names how it was derived: an empty
// context from its options, a derived one from the key it was derived by,
// that is its parent's fingerprint, the local context and the flags of
// parse. Parsing is deterministic in those (remote contexts come from the
// document loader, which for Satchel serves bundled files only), so equal
// keys give equal contexts and one can stand for the other. Contexts in the
// memo are shared: nothing writes to them (parse copies before writing, see
// "owned"; GetInverse, the one lazy writer, takes a lock).
//
// A local context given as a map is keyed by a hash of its content, so an
// inline context in a document (new each time, the same content each time)
// finds what the same context in an earlier document derived. The hash is
// computed once per map object: maps from term definitions and bundled
// contexts are the same objects every time. Hashes are remembered by the
// map's address, with a reference to the map so that the address cannot be
// reused while the hash is remembered.

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// memoMax bounds the memo. A verifier meets a few hundred distinct context
// derivations (each bundled vocabulary's type-scoped contexts); inline
// contexts of documents add one each, so the memo is emptied when full
// rather than growing without end.
const memoMax = 4096

type memoEntry struct {
	ctx *Context
}

type hashEntry struct {
	hash string
	m    map[string]any // keeps the map, and so its address, alive
}

var memo = struct {
	sync.Mutex
	m      map[string]memoEntry
	hashes map[uintptr]hashEntry
}{m: make(map[string]memoEntry), hashes: make(map[uintptr]hashEntry)}

// contentHash returns the hash of a local context map's content.
func contentHash(m map[string]any) (string, bool) {
	p := reflect.ValueOf(m).Pointer()
	memo.Lock()
	e, ok := memo.hashes[p]
	memo.Unlock()
	if ok {
		return e.hash, true
	}
	data, err := json.Marshal(m) // encoding/json sorts map keys
	if err != nil {
		return "", false
	}
	sum := sha256.Sum256(data)
	h := hex.EncodeToString(sum[:16])
	memo.Lock()
	if len(memo.hashes) >= memoMax {
		memo.hashes = make(map[uintptr]hashEntry)
	}
	memo.hashes[p] = hashEntry{hash: h, m: m}
	memo.Unlock()
	return h, true
}

// emptyFingerprint names an empty context by what context processing
// depends on in its options: the base IRI, the processing mode, safe mode
// and the document loader. Options are copied on every Expand, so the
// options object itself cannot serve. The loader counts by identity: a
// loader that is not a pointer cannot be told from another, and contexts
// made with it are not memoised. Memoised contexts hold their options, and
// so their loader, which keeps the loader's address from being reused.
func emptyFingerprint(o *JsonLdOptions) string {
	v := reflect.ValueOf(o.DocumentLoader)
	if !v.IsValid() || v.Kind() != reflect.Pointer || v.IsNil() {
		return ""
	}
	return fmt.Sprintf("empty|%q|%q|%t|%T@%x", o.Base, o.ProcessingMode, o.SafeMode, o.DocumentLoader, v.Pointer())
}

// memoKey returns the key of parsing local in c with the given flags, or
// false if the result cannot be memoised.
func memoKey(c *Context, local any, remote []string, flags ...bool) (string, bool) {
	if c.fp == "" {
		return "", false
	}
	var b strings.Builder
	b.WriteString(c.fp)
	b.WriteByte('|')
	if !writeLocalKey(&b, local) {
		return "", false
	}
	b.WriteByte('|')
	b.WriteString(strings.Join(remote, " "))
	b.WriteByte('|')
	for _, f := range flags {
		if f {
			b.WriteByte('1')
		} else {
			b.WriteByte('0')
		}
	}
	return b.String(), true
}

func writeLocalKey(b *strings.Builder, v any) bool {
	switch t := v.(type) {
	case nil:
		b.WriteString("null")
	case string:
		b.WriteString(strconv.Quote(t))
	case map[string]any:
		h, ok := contentHash(t)
		if !ok {
			return false
		}
		b.WriteString("map:")
		b.WriteString(h)
	case []any:
		b.WriteByte('[')
		for _, e := range t {
			if !writeLocalKey(b, e) {
				return false
			}
			b.WriteByte(',')
		}
		b.WriteByte(']')
	default:
		return false
	}
	return true
}

// parse is parseUncached, memoised.
func (c *Context) parse(localContext any, remoteContexts []string, parsingARemoteContext, propagate,
	protected, overrideProtected bool) (*Context, error) {
	key, ok := memoKey(c, localContext, remoteContexts, parsingARemoteContext, propagate, protected, overrideProtected)
	if ok {
		memo.Lock()
		e, hit := memo.m[key]
		memo.Unlock()
		if hit {
			return e.ctx, nil
		}
	}
	r, err := c.parseUncached(localContext, remoteContexts, parsingARemoteContext, propagate, protected, overrideProtected)
	if err != nil || !ok || r == c {
		return r, err
	}
	sum := sha256.Sum256([]byte(key))
	r.fp = hex.EncodeToString(sum[:])
	memo.Lock()
	if len(memo.m) >= memoMax {
		memo.m = make(map[string]memoEntry)
	}
	memo.m[key] = memoEntry{ctx: r}
	memo.Unlock()
	return r, nil
}
