# SPDX-License-Identifier: MIT
# remedies: one plain GNU Makefile. Paths can be overridden on the command
# line; CFLAGS is yours, the project's warnings are appended to it.
# The GNU lower-case names (prefix, bindir, datadir, mandir, docdir) work
# too. PREFIX may be given to `make install` only: the installed program is
# linked there with the install-time DATADIR (see install).
prefix ?= /usr/local
PREFIX ?= $(prefix)
bindir ?= $(PREFIX)/bin
BINDIR ?= $(bindir)
datadir ?= $(PREFIX)/share
DATADIR ?= $(datadir)
mandir ?= $(DATADIR)/man
MANDIR ?= $(mandir)
docdir ?= $(DATADIR)/doc/remedies
DOCDIR ?= $(docdir)
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
VERSION = 0.1.0

CC ?= cc
PKG_CONFIG ?= pkg-config
CFLAGS ?= -O2 -g
WARNINGS = -std=c11 -Wall -Wextra -Wpedantic
DEFS = -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600 -DVERSION='"$(VERSION)"'
# Only src/cli/paths.c is told where the data is installed (see install).
DATADIR_DEF = -DDATADIR='"$(DATADIR)"'
# Recursive (=) so pkg-config runs when a recipe needs it, after `deps`.
CORE_LIBS = $(shell $(PKG_CONFIG) --libs yaml-0.1 libutf8proc)
UI_CFLAGS = $(shell $(PKG_CONFIG) --cflags ncursesw)
UI_LIBS = $(shell $(PKG_CONFIG) --libs ncursesw)
ALL_CFLAGS = $(CPPFLAGS) $(CFLAGS) $(WARNINGS) $(DEFS) -MMD -MP

SAN_FLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all

# Three layers, each a folder under src/ and include/: the core (no
# terminal, never prints), the wizard (ui; only term.c calls curses) and the
# command line (cli). Each layer is compiled with an include path that holds
# only its own headers and those of the layers below it, so a core file that
# includes a ui/ or cli/ header does not compile.
CORE_SRC = $(sort $(wildcard src/core/*.c))
UI_SRC = $(sort $(wildcard src/ui/*.c))
CLI_SRC = $(sort $(wildcard src/cli/*.c))
CORE_OBJ = $(CORE_SRC:src/%.c=build/%.o)
# The wizard's model: every ui file but the one that calls curses.
UI_MODEL_OBJ = $(filter-out build/ui/term.o,$(UI_SRC:src/%.c=build/%.o))
ALL_OBJ = $(CORE_OBJ) $(UI_SRC:src/%.c=build/%.o) $(CLI_SRC:src/%.c=build/%.o)
CORE_UNIT = $(patsubst tests/unit/core/%.c,%,$(wildcard tests/unit/core/test_*.c))
UI_UNIT = $(patsubst tests/unit/ui/%.c,%,$(wildcard tests/unit/ui/test_*.c))
UNIT_BINS = $(CORE_UNIT:%=build/tests/%) $(UI_UNIT:%=build/tests/%)
ASAN_UNIT_BINS = $(CORE_UNIT:%=build/asan/tests/%) $(UI_UNIT:%=build/asan/tests/%)

# The include path of each layer (see build/inc/*: links made below).
INC_core = -Ibuild/inc/core -Ibuild
INC_ui = -Ibuild/inc/ui -Ibuild
INC_cli = -Iinclude -Ibuild
layer_of = $(word 2,$(subst /, ,$(1)))

# What building and testing need, and the Debian packages that provide
# it, are listed in tests/deps.sh (make deps, make check).

all: remedies

remedies: $(ALL_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(CORE_LIBS) $(UI_LIBS)

build/inc/core: | build
	mkdir -p $@ && ln -sfn ../../../include/core $@/core
build/inc/ui: | build
	mkdir -p $@ && ln -sfn ../../../include/core $@/core && ln -sfn ../../../include/ui $@/ui

build/ui/term.o: src/ui/term.c | build/ui build/inc/ui
	$(CC) $(ALL_CFLAGS) $(INC_ui) $(UI_CFLAGS) -c -o $@ $<

build/%.o: src/%.c | build/core build/ui build/cli build/inc/core build/inc/ui
	$(CC) $(ALL_CFLAGS) $(INC_$(call layer_of,$@)) $(if $(filter %/paths.o,$@),$(DATADIR_DEF)) -c -o $@ $<

# The program's own words are built in from guide/messages.yaml: each line
# becomes a C string (short ones: ISO C promises 4095 bytes per literal).
build/messages.inc: guide/messages.yaml | build
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n",/' $< >$@.tmp && mv $@.tmp $@

build/core/msg.o build/asan/core/msg.o: build/messages.inc

build build/core build/ui build/cli build/tests build/asan/core build/asan/ui build/asan/cli build/asan/tests:
	mkdir -p $@

# Unit tests: the core's link core objects only (a call into the wizard
# breaks the link); the wizard model's link without ncursesw (a curses call
# breaks it).
build/tests/%: tests/unit/core/%.c $(wildcard tests/unit/*.h) $(CORE_OBJ) | build/tests build/inc/core
	$(CC) $(ALL_CFLAGS) $(INC_core) -Itests/unit -o $@ $< $(CORE_OBJ) $(CORE_LIBS) -lcmocka
build/tests/%: tests/unit/ui/%.c $(wildcard tests/unit/*.h tests/unit/ui/*.h) $(CORE_OBJ) $(UI_MODEL_OBJ) | build/tests build/inc/ui
	$(CC) $(ALL_CFLAGS) $(INC_ui) -Itests/unit -o $@ $< $(CORE_OBJ) $(UI_MODEL_OBJ) $(CORE_LIBS) -lcmocka

SAN_CFLAGS = $(CPPFLAGS) $(SAN_FLAGS) $(WARNINGS) $(DEFS) -MMD -MP
build/asan/ui/term.o: src/ui/term.c | build/asan/ui build/inc/ui
	$(CC) $(SAN_CFLAGS) $(INC_ui) $(UI_CFLAGS) -c -o $@ $<
build/asan/%.o: src/%.c | build/asan/core build/asan/ui build/asan/cli build/inc/core build/inc/ui
	$(CC) $(SAN_CFLAGS) $(INC_$(call layer_of,$(@:build/asan/%=build/%))) $(if $(filter %/paths.o,$@),$(DATADIR_DEF)) -c -o $@ $<

build/asan/remedies: $(ALL_OBJ:build/%=build/asan/%)
	$(CC) $(SAN_FLAGS) -o $@ $^ $(CORE_LIBS) $(UI_LIBS)

build/asan/tests/%: tests/unit/core/%.c $(wildcard tests/unit/*.h) $(CORE_OBJ:build/%=build/asan/%) | build/asan/tests build/inc/core
	$(CC) $(SAN_CFLAGS) $(INC_core) -Itests/unit -o $@ $< $(CORE_OBJ:build/%=build/asan/%) $(CORE_LIBS) -lcmocka
build/asan/tests/%: tests/unit/ui/%.c $(wildcard tests/unit/*.h tests/unit/ui/*.h) $(CORE_OBJ:build/%=build/asan/%) $(UI_MODEL_OBJ:build/%=build/asan/%) | build/asan/tests build/inc/ui
	$(CC) $(SAN_CFLAGS) $(INC_ui) -Itests/unit -o $@ $< $(CORE_OBJ:build/%=build/asan/%) $(UI_MODEL_OBJ:build/%=build/asan/%) $(CORE_LIBS) -lcmocka

# What is missing is probed (pkg-config for libraries, the PATH for tools)
# and only then installed, as root on Debian; see tests/deps.sh.
deps:
	@sh tests/deps.sh $(if $(filter test,$(DEPS_FOR)),test,build)

# Run as root (`sudo make run`, `su -c 'make run'`) in a clone that belongs
# to someone else, only the package installation is done as root: the build
# and the program run as the clone's owner, so that no root-owned file is
# left behind to make their own `make` or `make clean` fail.
AS_OWNER = $(shell [ "$$(id -u)" = 0 ] && owner=$$(stat -c %U .) && [ "$$owner" != root ] && \
             command -v runuser >/dev/null && echo "runuser -u $$owner --")
run: deps
	@$(AS_OWNER) $(MAKE) --no-print-directory remedies
	$(AS_OWNER) ./remedies

# check: the README's one command on a fresh machine (installs what the
# tests need, then runs them all). test: for packagers and anyone who
# installs by hand: runs every layer whose tools are here, installs
# nothing, and says SKIP, one line each, for the others.
check:
	@$(MAKE) --no-print-directory deps DEPS_FOR=test
	@$(MAKE) --no-print-directory test-all

test:
	@$(MAKE) --no-print-directory remedies build/asan/remedies \
	  $(if $(shell $(PKG_CONFIG) --exists cmocka && echo y),$(UNIT_BINS) $(ASAN_UNIT_BINS))
	@sh tests/run-all.sh

test-all: remedies build/asan/remedies $(UNIT_BINS) $(ASAN_UNIT_BINS)
	@sh tests/run-all.sh

# The installed program is linked here, in a temporary folder, with
# src/cli/paths.c told the install-time DATADIR: so `make; make install
# PREFIX=/usr` finds /usr/share/remedies, and nothing in the tree is
# rebuilt (or left owned by root after `sudo make install`).
INSTALL_LINK = $(filter-out build/cli/paths.o,$(ALL_OBJ))
install: remedies
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/remedies/scenarios \
	  $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(DOCDIR) \
	  $(DESTDIR)$(BASHCOMPDIR)
	tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(CC) $(ALL_CFLAGS) $(INC_cli) $(DATADIR_DEF) -DREMEDIES_INSTALLED=1 -c -o $$tmp/paths.o src/cli/paths.c && \
	$(CC) $(CFLAGS) $(LDFLAGS) -o $$tmp/remedies $(INSTALL_LINK) $$tmp/paths.o $(CORE_LIBS) $(UI_LIBS) && \
	install -m 755 $$tmp/remedies $(DESTDIR)$(BINDIR)/remedies
	install -m 644 guide/remedies.yaml $(DESTDIR)$(DATADIR)/remedies/remedies.yaml
	install -m 644 guide/scenarios/*.yaml $(DESTDIR)$(DATADIR)/remedies/scenarios/
	install -m 644 man/remedies.1 $(DESTDIR)$(MANDIR)/man1/remedies.1
	install -m 644 man/remedies-guide.5 $(DESTDIR)$(MANDIR)/man5/remedies-guide.5
	install -m 644 completion/remedies.bash $(DESTDIR)$(BASHCOMPDIR)/remedies
	install -m 644 README.md NEWS $(DESTDIR)$(DOCDIR)/
	install -m 644 LICENSE $(DESTDIR)$(DOCDIR)/LICENSE
	install -m 644 guide/LICENSE $(DESTDIR)$(DOCDIR)/LICENSE.guide

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/remedies $(DESTDIR)$(MANDIR)/man1/remedies.1 \
	  $(DESTDIR)$(MANDIR)/man5/remedies-guide.5 $(DESTDIR)$(BASHCOMPDIR)/remedies
	rm -rf $(DESTDIR)$(DATADIR)/remedies $(DESTDIR)$(DOCDIR)

clean:
	rm -rf build remedies

.PHONY: all run check test test-all deps install uninstall clean
.SECONDARY:

-include $(wildcard build/*/*.d build/asan/*/*.d build/tests/*.d build/asan/tests/*.d)

# Fuzzing (clang's libFuzzer with ASan+UBSan). FUZZ_TIME seconds per target.
FUZZ_TIME ?= 60
# CI runs a fixed number of inputs from a fixed seed, so that its result
# does not depend on luck or on the machine's speed: FUZZ_RUNS for every
# target, or FUZZ_RUNS_guide, FUZZ_RUNS_answers, FUZZ_RUNS_cond for one.
FUZZ_LIMIT = $(if $(FUZZ_RUNS),-runs=$(FUZZ_RUNS) -seed=1,-max_total_time=$(FUZZ_TIME))
FUZZ_TARGETS = guide answers cond po
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(CORE_SRC) build/messages.inc | build/fuzz build/inc/core
	clang $(CPPFLAGS) $(FUZZ_FLAGS) $(WARNINGS) $(DEFS) $(INC_core) -o $@ $< $(CORE_SRC) $(CORE_LIBS)

build/fuzz:
	mkdir -p $@

# Seeds beyond tests/fuzz/TARGET: every broken and good guide and answers
# file the other tests use (libFuzzer reads folders recursively), so the
# fuzzer starts from the shapes that once broke something.
FUZZ_SEEDS_guide = tests/guides tests/advice tests/e2e
FUZZ_SEEDS_answers = tests/answers tests/advice/bad/scenarios guide/scenarios

# Runs each target on its seeds and past crashes (tests/fuzz/TARGET, which
# keeps every crash found as a regression input), then fuzzes for FUZZ_TIME.
fuzz: $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p build/fuzz/corpus-$$t; \
	  limit="$(FUZZ_LIMIT)"; \
	  case $$t in \
	    guide) seeds="$(FUZZ_SEEDS_guide)"; runs="$(FUZZ_RUNS_guide)";; \
	    answers) seeds="$(FUZZ_SEEDS_answers)"; runs="$(FUZZ_RUNS_answers)";; \
	    *) seeds=; runs="$(FUZZ_RUNS_cond)";; esac; \
	  [ -z "$$runs" ] || limit="-runs=$$runs -seed=1"; \
	  echo "== fuzz $$t ($$limit)"; \
	  if ! build/fuzz/fuzz_$$t $$limit -timeout=5 -rss_limit_mb=2048 \
	    -artifact_prefix=build/fuzz/crash-$$t- -print_final_stats=0 \
	    build/fuzz/corpus-$$t tests/fuzz/$$t $$seeds >build/fuzz/$$t.log 2>&1; then \
	    tail -n 40 build/fuzz/$$t.log; \
	    echo "fuzz $$t: a crash; the input is in build/fuzz/crash-$$t-*: copy it to tests/fuzz/$$t/"; \
	    exit 1; \
	  fi; \
	  tail -n 1 build/fuzz/$$t.log; \
	done

.PHONY: fuzz

# Benchmark (not a test): see tests/bench/run.sh. RUNS=N for more runs.
build/bench/gen_guide build/bench/measure: build/bench/%: tests/bench/%.c | build/bench
	$(CC) $(CPPFLAGS) -O2 $(WARNINGS) -D_DEFAULT_SOURCE -o $@ $<

build/bench/yaml_scan: tests/bench/yaml_scan.c | build/bench
	$(CC) $(CPPFLAGS) -O2 $(WARNINGS) -o $@ $< $(shell $(PKG_CONFIG) --libs yaml-0.1)

build/bench/replay_bench: tests/bench/replay_bench.c $(CORE_OBJ) | build/bench build/inc/core
	$(CC) $(ALL_CFLAGS) $(INC_core) -o $@ $< $(CORE_OBJ) $(CORE_LIBS)

# Per-key cost of the wizard, headless: core and the wizard's model, no curses.
build/bench/keys_bench: tests/bench/keys_bench.c $(CORE_OBJ) $(UI_MODEL_OBJ) | build/bench build/inc/ui
	$(CC) $(ALL_CFLAGS) $(INC_ui) -o $@ $< $(CORE_OBJ) $(UI_MODEL_OBJ) $(CORE_LIBS)

build/bench:
	mkdir -p $@

bench: remedies build/bench/gen_guide build/bench/measure build/bench/yaml_scan build/bench/replay_bench \
       build/bench/keys_bench
	@sh tests/bench/run.sh ./remedies build/bench

.PHONY: bench
