# kampungkb - the one entry point.
#
#   make            build the extension, the gateway, the unit tests and the load client
#   make run        install what is missing, build, start the whole system (database + demo data + gateway)
#   make stop       stop the database that `make run` started
#   make demo       reload the demo city (Kota Pariaman) into that database
#   make psql       psql on that database
#   make test       build, install and run every test layer on a throwaway cluster
#   make test-citus the distributed mode on a throwaway Citus cluster (docs/SCALE.md)
#   make bench      run the benchmarks (BENCH_SCALE=small|large)
#   make fuzz       run each fuzz harness for FUZZ_SECONDS (default 60)
#
# See README.md.

PG_CONFIG ?= $(shell test -x /usr/lib/postgresql/15/bin/pg_config && echo /usr/lib/postgresql/15/bin/pg_config || echo pg_config)
export PG_CONFIG

RUN_DIR   ?= .run
RUN_PORT  ?= 54315
HTTP_PORT ?= 8080

CC ?= cc
UNIT_CFLAGS = -std=gnu11 -O2 -g -Wall -Wextra -Iextension/src/core -Itests/unit
CRYPTO_LIBS = $(shell pkg-config --libs libcrypto 2>/dev/null || echo -lcrypto)
UNIT_TESTS = $(patsubst tests/unit/%.c,build/tests/%,$(sort $(wildcard tests/unit/test_*.c)))
GEN_SRCS = extension/src/core/who_tables.c
CORE_SRCS = $(filter-out $(GEN_SRCS),$(sort $(wildcard extension/src/core/*.c))) $(GEN_SRCS)

all: build

deps:
	@scripts/deps.sh

build: extension gateway unit load

extension:
	@$(MAKE) -s -C extension

gateway:
	@$(MAKE) -s -C gateway

unit: $(UNIT_TESTS)

# the load and slow-client generator of tests/gateway/09-11 (tests/load/kkb_load.c)
load: build/kkb-load

build/kkb-load: tests/load/kkb_load.c gateway/src/digest.c gateway/src/digest.h
	@mkdir -p build
	$(CC) $(UNIT_CFLAGS) -pthread -Igateway/src -o $@ tests/load/kkb_load.c gateway/src/digest.c $(CRYPTO_LIBS)

# the generated core sources are made by the extension's build
$(GEN_SRCS):
	@$(MAKE) -s -C extension $(@:extension/%=%)

build/tests/%: tests/unit/%.c tests/unit/tap.h $(CORE_SRCS) $(wildcard extension/src/core/*.h) | extension
	@mkdir -p build/tests
	$(CC) $(UNIT_CFLAGS) -o $@ $< $(CORE_SRCS) -lRmath -lm $(UNIT_LIBS)

# the gateway's SHA-256 wrapper, compiled into its test, uses libcrypto
build/tests/test_sha256: gateway/src/digest.c gateway/src/digest.h
build/tests/test_sha256: UNIT_LIBS = -pthread $(CRYPTO_LIBS)

# the gateway's drawing of QR codes (sign-in links), compiled into its test: no library
build/tests/test_qr_svg: gateway/src/qr_svg.c gateway/src/qr_svg.h

# the gateway's CSV writer, compiled into its test, uses jansson
build/tests/test_csv_rumus: gateway/src/csv.c gateway/src/csv.h
build/tests/test_csv_rumus: UNIT_LIBS = $(shell pkg-config --libs jansson 2>/dev/null || echo -ljansson)

install: extension
	@if [ -w "$$($(PG_CONFIG) --pkglibdir)" ]; then \
		$(MAKE) -s -C extension install; \
	else \
		echo "install: $$($(PG_CONFIG) --pkglibdir) is not writable; run: sudo $(MAKE) -C extension install" >&2; exit 1; \
	fi

run: deps build install
	@RUN_DIR=$(RUN_DIR) RUN_PORT=$(RUN_PORT) HTTP_PORT=$(HTTP_PORT) scripts/run.sh

stop:
	@scripts/cluster.sh $(RUN_DIR) $(RUN_PORT) stop

demo: deps build install
	@scripts/cluster.sh $(RUN_DIR) $(RUN_PORT) start
	@scripts/cluster.sh $(RUN_DIR) $(RUN_PORT) createdb kampungkb
	@scripts/demo.sh $(RUN_DIR) $(RUN_PORT)

psql:
	@scripts/cluster.sh $(RUN_DIR) $(RUN_PORT) psql -d kampungkb

reset: stop
	rm -rf $(RUN_DIR)

test: deps build install
	@scripts/test.sh

# the distributed mode on a throwaway 3-node Citus cluster (needs Citus installed: docs/SCALE.md)
test-citus: deps build install
	@scripts/test_citus.sh

# the benchmarks' tools (wrk) as well as the build's packages
deps-bench:
	@scripts/deps.sh bench

bench: deps-bench build install
	@scripts/bench.sh

FUZZ_SECONDS ?= 60
fuzz: build
	@KKB_FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/run.sh

clean:
	@$(MAKE) -s -C extension clean
	@$(MAKE) -s -C gateway clean
	rm -rf build

.PHONY: all deps deps-bench build extension gateway unit load install run stop demo psql reset test test-citus bench fuzz clean
