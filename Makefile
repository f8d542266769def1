# Satchel. `make run` starts the app, `make test` runs every test; both
# install what is missing first (scripts/deps.sh).

GO       ?= go
FUZZTIME ?= 30s
SOAK     ?= 500
# Tools are run at pinned versions from the module proxy.
STATICCHECK = honnef.co/go/tools/cmd/staticcheck@v0.8.2
GOFUMPT     = mvdan.cc/gofumpt@v0.12.0
FYNE        = fyne.io/tools/cmd/fyne@v1.7.4

.PHONY: run test test-window bench bench-interop lint fuzz soak package verifier clean

run:
	@scripts/deps.sh run
	$(GO) run ./cmd/satchel

test:
	@scripts/deps.sh test
	$(GO) vet ./...
	SATCHEL_REQUIRE_TOOLS=1 $(GO) test -race ./...
	$(MAKE) --no-print-directory test-window

# The real app in a real X window under Xvfb; screenshots go to build/screenshots.
test-window:
	$(GO) test -tags xvfb -count=1 ./cmd/satchel/

bench:
	@scripts/deps.sh run
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Satchel against the third-party libraries in ../shared/interop, on the
# same kinds of credential, in one run, with the ratio.
bench-interop:
	@scripts/deps.sh test
	$(GO) test -tags benchinterop -run TestBenchInterop -count=1 -v ./wallet/ ./share/ | grep -v "^=== RUN"

lint:
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...
	@out=$$($(GO) run $(GOFUMPT) -l $$(find . -name '*.go' -not -path './third_party/*' -not -path './build/*')); if [ -n "$$out" ]; then echo "gofumpt would change:"; echo "$$out"; exit 1; fi

fuzz:
	scripts/fuzz.sh $(FUZZTIME)

# The crash-safety test, many more rounds than make test runs.
soak:
	SATCHEL_SOAK=$(SOAK) $(GO) test -count=1 -run TestCrashSafety -v ./storage/

# A Linux desktop bundle (binary, icon, .desktop entry) in build/.
package:
	@scripts/deps.sh package
	mkdir -p build
	$(GO) build -trimpath -ldflags '-s -w' -o build/satchel ./cmd/satchel
	$(GO) run $(FYNE) package --os linux --src cmd/satchel --exe build/satchel --name Satchel --icon $(CURDIR)/assets/icon.png --app-id eu.satchel.wallet --app-version $$(awk -F\" '/^Version/{print $$2}' FyneApp.toml) --release
	mv -f Satchel.tar.xz build/ 2>/dev/null || true
	scripts/check-package.sh build/Satchel.tar.xz

# The verifier web page (verifier/): static files in build/verifier/ that
# anyone can publish; the checks run in the browser, in satchel.wasm. Each
# file gets precompressed .gz and .br variants (gzip_static, brotli_static,
# satchel-cli serve-verifier): zopfli's gzip, about 4% smaller than gzip -9,
# and brotli -q 11 take about a minute each.
VERIFIER_FILES = index.html verifier.css verifier.js scan.js messages.js wasm_exec.js satchel.wasm
verifier:
	mkdir -p build/verifier
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o build/verifier/satchel.wasm ./verifier/wasm/
	cp "$$($(GO) env GOROOT)/lib/wasm/wasm_exec.js" verifier/web/index.html verifier/web/verifier.css verifier/web/verifier.js verifier/web/scan.js verifier/web/messages.js build/verifier/
	cd build/verifier && for f in $(VERIFIER_FILES); do \
		if command -v zopfli >/dev/null; then zopfli --i1 $$f; else gzip -9 -n -k -f $$f; fi; \
		if command -v brotli >/dev/null; then brotli -q 11 -k -f $$f; fi; done
	@cd build/verifier && ls -l $(VERIFIER_FILES) && printf 'page: %s bytes, gzip %s, brotli -q 11 %s\n' \
		$$(cat $(VERIFIER_FILES) | wc -c) $$(cat $(addsuffix .gz,$(VERIFIER_FILES)) | wc -c) $$(cat $(addsuffix .br,$(VERIFIER_FILES)) 2>/dev/null | wc -c)

clean:
	rm -rf build
