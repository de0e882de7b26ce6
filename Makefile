# remedies: one plain GNU Makefile. Paths can be overridden on the command
# line; CFLAGS is yours, the project's warnings are appended to it.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
MANDIR ?= $(PREFIX)/share/man
VERSION = 0.1.0

CC ?= cc
PKG_CONFIG ?= pkg-config
CFLAGS ?= -O2 -g
WARNINGS = -std=c11 -Wall -Wextra -Wpedantic
DEFS = -Iinclude -Ibuild -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600 -DVERSION='"$(VERSION)"' \
       -DDATADIR='"$(DATADIR)"'
# Recursive (=) so pkg-config runs when a recipe needs it, after `deps`.
CORE_LIBS = $(shell $(PKG_CONFIG) --libs yaml-0.1 libutf8proc)
UI_CFLAGS = $(shell $(PKG_CONFIG) --cflags ncursesw)
UI_LIBS = $(shell $(PKG_CONFIG) --libs ncursesw)
ALL_CFLAGS = $(CFLAGS) $(WARNINGS) $(DEFS) -MMD -MP

SAN_FLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all

CORE = util diag text guide_tree guide_read guide check session answers report msg plain fileio map lang layout ui_pages ui_panels keys ui_demo ui_form ui_state
CORE_OBJ = $(CORE:%=build/%.o)
UNIT_TESTS = $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))

# Debian packages: to build and run, and in addition to run the tests.
BUILD_PKGS = gcc make pkg-config libyaml-dev libutf8proc-dev libncurses-dev
TEST_PKGS = libcmocka-dev tmux valgrind clang libclang-rt-14-dev graphviz python3 mandoc

all: remedies

remedies: $(CORE_OBJ) build/ui.o build/main.o
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(CORE_LIBS) $(UI_LIBS)

build/ui.o: src/ui.c | build
	$(CC) $(ALL_CFLAGS) $(UI_CFLAGS) -c -o $@ $<

build/%.o: src/%.c | build
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The program's own words are built in from guide/messages.yaml: each line
# becomes a C string (short ones: ISO C promises 4095 bytes per literal).
build/messages.inc: guide/messages.yaml | build
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n",/' $< >$@.tmp && mv $@.tmp $@

build/msg.o build/asan/msg.o: build/messages.inc

build build/asan build/tests build/asan/tests:
	mkdir -p $@

# Unit tests link the core without ncursesw: a curses call in the core
# breaks this link.
build/tests/%: tests/unit/%.c $(CORE_OBJ) | build/tests
	$(CC) $(ALL_CFLAGS) -o $@ $< $(CORE_OBJ) $(CORE_LIBS) -lcmocka

build/asan/%.o: src/%.c | build/asan
	$(CC) $(SAN_FLAGS) $(WARNINGS) $(DEFS) $(UI_CFLAGS) -MMD -MP -c -o $@ $<

build/asan/remedies: $(CORE:%=build/asan/%.o) build/asan/ui.o build/asan/main.o
	$(CC) $(SAN_FLAGS) -o $@ $^ $(CORE_LIBS) $(UI_LIBS)

build/asan/tests/%: tests/unit/%.c $(CORE:%=build/asan/%.o) | build/asan/tests
	$(CC) $(SAN_FLAGS) $(WARNINGS) $(DEFS) -o $@ $< $(CORE:%=build/asan/%.o) $(CORE_LIBS) -lcmocka

deps:
	@missing=""; \
	for p in $(BUILD_PKGS) $(if $(filter test,$(DEPS_FOR)),$(TEST_PKGS)); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "remedies: installing$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "remedies: missing Debian packages:$$missing" >&2; \
	    echo "remedies: install them with: sudo apt-get install$$missing" >&2; exit 1; \
	  fi; \
	fi

run: deps
	@$(MAKE) --no-print-directory remedies
	./remedies

check: 
	@$(MAKE) --no-print-directory deps DEPS_FOR=test
	@$(MAKE) --no-print-directory test-all

test-all: remedies build/asan/remedies $(UNIT_TESTS:%=build/tests/%) $(UNIT_TESTS:%=build/asan/tests/%)
	@sh tests/run-all.sh

install: remedies
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/remedies/scenarios \
	  $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 remedies $(DESTDIR)$(BINDIR)/remedies
	install -m 644 guide/remedies.yaml $(DESTDIR)$(DATADIR)/remedies/remedies.yaml
	install -m 644 guide/scenarios/*.yaml $(DESTDIR)$(DATADIR)/remedies/scenarios/
	install -m 644 man/remedies.1 $(DESTDIR)$(MANDIR)/man1/remedies.1
	install -m 644 man/remedies-guide.5 $(DESTDIR)$(MANDIR)/man5/remedies-guide.5

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/remedies $(DESTDIR)$(MANDIR)/man1/remedies.1 \
	  $(DESTDIR)$(MANDIR)/man5/remedies-guide.5
	rm -rf $(DESTDIR)$(DATADIR)/remedies

clean:
	rm -rf build remedies

.PHONY: all run check test-all deps install uninstall clean
.SECONDARY:

-include $(wildcard build/*.d build/asan/*.d build/tests/*.d)

# Fuzzing (clang's libFuzzer with ASan+UBSan). FUZZ_TIME seconds per target.
FUZZ_TIME ?= 60
# CI runs a fixed number of inputs from a fixed seed, so that its result
# does not depend on luck or on the machine's speed.
FUZZ_LIMIT = $(if $(FUZZ_RUNS),-runs=$(FUZZ_RUNS) -seed=1,-max_total_time=$(FUZZ_TIME))
FUZZ_TARGETS = guide answers cond
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(CORE:%=src/%.c) build/messages.inc | build/fuzz
	clang $(FUZZ_FLAGS) $(WARNINGS) $(DEFS) -o $@ $< $(CORE:%=src/%.c) $(CORE_LIBS)

build/fuzz:
	mkdir -p $@

# Runs each target on its seeds and past crashes (tests/fuzz/TARGET, which
# keeps every crash found as a regression input), then fuzzes for FUZZ_TIME.
fuzz: $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p build/fuzz/corpus-$$t; \
	  echo "== fuzz $$t ($(FUZZ_LIMIT))"; \
	  if ! build/fuzz/fuzz_$$t $(FUZZ_LIMIT) -timeout=5 -rss_limit_mb=2048 \
	    -artifact_prefix=build/fuzz/crash-$$t- -print_final_stats=0 \
	    build/fuzz/corpus-$$t tests/fuzz/$$t >build/fuzz/$$t.log 2>&1; then \
	    tail -n 40 build/fuzz/$$t.log; \
	    echo "fuzz $$t: a crash; the input is in build/fuzz/crash-$$t-*: copy it to tests/fuzz/$$t/"; \
	    exit 1; \
	  fi; \
	  tail -n 1 build/fuzz/$$t.log; \
	done

.PHONY: fuzz

# Benchmark (not a test): see tests/bench/run.sh. RUNS=N for more runs.
build/bench/gen_guide build/bench/measure: build/bench/%: tests/bench/%.c | build/bench
	$(CC) -O2 $(WARNINGS) -D_DEFAULT_SOURCE -o $@ $<

build/bench/yaml_scan: tests/bench/yaml_scan.c | build/bench
	$(CC) -O2 $(WARNINGS) -o $@ $< $(shell $(PKG_CONFIG) --libs yaml-0.1)

build/bench/replay_bench: tests/bench/replay_bench.c $(CORE_OBJ) | build/bench
	$(CC) $(ALL_CFLAGS) -o $@ $< $(CORE_OBJ) $(CORE_LIBS)

build/bench:
	mkdir -p $@

bench: remedies build/bench/gen_guide build/bench/measure build/bench/yaml_scan build/bench/replay_bench
	@sh tests/bench/run.sh ./remedies build/bench

.PHONY: bench
