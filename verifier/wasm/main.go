//go:build js

// Command wasm is Satchel's verifier compiled to WebAssembly for the
// verifier web page (GOOS=js GOARCH=wasm; make verifier builds it). It
// registers these functions on the JavaScript global object and then waits
// for calls:
//
//	satchelVerify(parts, challenge, domain, languages) -> Promise<string>
//	satchelAddPart(text) -> string
//	satchelVerifyCollected(challenge, domain, languages) -> Promise<string>
//	satchelReset()
//	satchelReadImage(bytes[, width, height]) -> Promise<string>
//
// satchelVerify verifies the texts of a payload (an array of strings: the
// parts of a QR set in any order, a VP1- text, or a pasted presentation)
// and resolves to the JSON of a core.Report. It returns a Promise rather
// than the string because verification is long CPU work (JSON-LD
// canonicalisation) and Go code called from JavaScript must not block the
// event loop: it runs in a goroutine. languages is optional (the
// browser's navigator.languages).
//
// satchelAddPart adds one scanned text to the set being assembled and
// returns the JSON of a core.Progress ({have, total, missing, complete});
// satchelVerify with the parts collected so far is then
// satchelVerifyCollected(challenge, domain, languages). The checks'
// sentences come in the first of languages the page speaks.
//
// satchelReadImage reads the QR codes in an image with Satchel's own
// reader and resolves to the JSON of a core.Scan ({texts} or {error}):
// bytes is a Uint8Array holding a PNG or JPEG file, or, with width and
// height, a canvas's RGBA pixels (a camera frame).
//
// All the logic is in package verifier/core, which is tested with go test.
package main

import (
	"context"
	"encoding/json"
	"syscall/js"

	"github.com/satchel-wallet/satchel/verifier/core"
)

func main() {
	var asm core.Assembler
	g := js.Global()
	g.Set("satchelVerify", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return promise(func() string {
			return verify(stringList(arg(args, 0)), args[1:])
		})
	}))
	g.Set("satchelAddPart", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return marshal(asm.Add(arg(args, 0).String()))
	}))
	g.Set("satchelVerifyCollected", js.FuncOf(func(_ js.Value, args []js.Value) any {
		texts := asm.Texts()
		return promise(func() string { return verify(texts, args) })
	}))
	g.Set("satchelReadImage", js.FuncOf(func(_ js.Value, args []js.Value) any {
		data := bytesOf(arg(args, 0))
		w, h := intOf(arg(args, 1)), intOf(arg(args, 2))
		return promise(func() string {
			if w > 0 || h > 0 {
				return marshal(core.NewScan(core.ReadPixels(data, w, h)))
			}
			return marshal(core.NewScan(core.ReadImage(data)))
		})
	}))
	g.Set("satchelReset", js.FuncOf(func(js.Value, []js.Value) any {
		asm.Reset()
		return nil
	}))
	if ready := g.Get("satchelReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {} // keep the functions alive
}

// verify runs core.Verify with options from args: challenge, domain,
// languages.
func verify(texts []string, args []js.Value) string {
	opts := core.Options{
		Challenge: str(arg(args, 0)),
		Domain:    str(arg(args, 1)),
		Languages: stringList(arg(args, 2)),
	}
	return marshal(core.Verify(context.Background(), texts, opts))
}

// promise returns a JavaScript Promise that resolves to what f returns, f
// running in its own goroutine.
func promise(f func() string) js.Value {
	var handler js.Func
	handler = js.FuncOf(func(_ js.Value, args []js.Value) any {
		resolve := args[0]
		go func() {
			defer handler.Release()
			resolve.Invoke(f())
		}()
		return nil
	})
	return js.Global().Get("Promise").New(handler)
}

// arg returns args[i], or undefined when the caller gave fewer.
func arg(args []js.Value, i int) js.Value {
	if i < len(args) {
		return args[i]
	}
	return js.Undefined()
}

// str returns v as a Go string; undefined and null are empty.
func str(v js.Value) string {
	if v.Type() != js.TypeString {
		return ""
	}
	return v.String()
}

// stringList returns a JavaScript array of strings, or a single string, as a
// slice.
func stringList(v js.Value) []string {
	switch v.Type() {
	case js.TypeString:
		return []string{v.String()}
	case js.TypeObject:
		n := v.Length()
		out := make([]string, 0, n)
		for i := range n {
			out = append(out, str(v.Index(i)))
		}
		return out
	}
	return nil
}

// bytesOf copies a Uint8Array (or an ArrayBuffer, or a typed array's
// bytes) into Go; anything else is empty.
func bytesOf(v js.Value) []byte {
	if v.Type() != js.TypeObject {
		return nil
	}
	u8 := js.Global().Get("Uint8Array")
	if !v.InstanceOf(u8) {
		if v.Get("buffer").Type() == js.TypeObject { // another typed array
			v = u8.New(v.Get("buffer"), v.Get("byteOffset"), v.Get("byteLength"))
		} else {
			v = u8.New(v) // an ArrayBuffer
		}
	}
	out := make([]byte, v.Get("length").Int())
	js.CopyBytesToGo(out, v)
	return out
}

// intOf returns a JavaScript number as an int; anything else is 0.
func intOf(v js.Value) int {
	if v.Type() != js.TypeNumber {
		return 0
	}
	return v.Int()
}

// marshal returns v as JSON; a Report or Progress always marshals.
func marshal(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return `{"verdict":"rejected","error":"internal error: ` + err.Error() + `"}`
	}
	return string(b)
}
