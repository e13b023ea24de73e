# mockinterview: build, test and install.
#   make                      release build
#   make practice             a 15-minute mock interview on the bundled questions
#   make test                 the test suite (`swift test`)
#   make install PREFIX=DIR   binary in DIR/bin, content in DIR/share/mockinterview, shell completions
PREFIX ?= /usr/local
CONFIG ?= release
SWIFT_BUILD_FLAGS ?= -c $(CONFIG) --static-swift-stdlib

BIN = $(shell swift build $(SWIFT_BUILD_FLAGS) --show-bin-path)/mockinterview
SHARE = $(PREFIX)/share/mockinterview

.PHONY: build test practice deps install uninstall

deps:
	@scripts/ensure-deps

build: deps
	swift build $(SWIFT_BUILD_FLAGS) --product mockinterview

practice: deps
	swift run mockinterview practice quick

test: deps
	swift test

install: build
	install -d "$(PREFIX)/bin" "$(SHARE)"
	install -m 755 "$(BIN)" "$(PREFIX)/bin/mockinterview"
	rm -rf "$(SHARE)/Rubrics" "$(SHARE)/Scenarios"
	cp -R Rubrics Scenarios "$(SHARE)/"
	install -d "$(PREFIX)/share/bash-completion/completions" "$(PREFIX)/share/zsh/site-functions" "$(PREFIX)/share/fish/vendor_completions.d"
	"$(PREFIX)/bin/mockinterview" --generate-completion-script bash > "$(PREFIX)/share/bash-completion/completions/mockinterview"
	"$(PREFIX)/bin/mockinterview" --generate-completion-script zsh > "$(PREFIX)/share/zsh/site-functions/_mockinterview"
	"$(PREFIX)/bin/mockinterview" --generate-completion-script fish > "$(PREFIX)/share/fish/vendor_completions.d/mockinterview.fish"
	@echo "installed $(PREFIX)/bin/mockinterview and its content in $(SHARE)"

uninstall:
	rm -f "$(PREFIX)/bin/mockinterview" "$(PREFIX)/share/bash-completion/completions/mockinterview" \
	      "$(PREFIX)/share/zsh/site-functions/_mockinterview" "$(PREFIX)/share/fish/vendor_completions.d/mockinterview.fish"
	rm -rf "$(SHARE)"
