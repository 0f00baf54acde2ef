# Avenir: the two commands are `make run` and `make test` (see README.md).
BUILD ?= build
JOBS  ?= $(shell nproc)
HOST  ?= 127.0.0.1
PORT  ?= 8080

.PHONY: run test build deps deps-test configure unit browser bench bench-search bench-all fuzz proof clean

deps:
	@scripts/install-deps.sh run

deps-test:
	@scripts/install-deps.sh test

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

configure: $(BUILD)/CMakeCache.txt

build: deps configure
	cmake --build $(BUILD) -j $(JOBS)

run: build
	mkdir -p var
	$(BUILD)/avenir migrate
	$(BUILD)/avenir seed
	$(BUILD)/avenir serve --host $(HOST) --port $(PORT)

# Unit, HTTP and store tests on SQLite and on a throwaway PostgreSQL cluster, then browser tests
# (one instance on SQLite), then two instances on PostgreSQL behind nginx with a browser going
# through both.
test: deps-test configure
	cmake --build $(BUILD) -j $(JOBS)
	scripts/with-postgres.sh env AVENIR_REQUIRE_PG=1 ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
	scripts/browser-tests.sh $(BUILD)
	scripts/with-postgres.sh scripts/cluster-tests.sh $(BUILD)

# HTTP figures against nginx, SQLite and PostgreSQL rows (several minutes).
bench: configure
	@scripts/install-deps.sh bench
	cmake --build $(BUILD) -j $(JOBS) --target avenir
	scripts/with-postgres.sh bench/http

# Search at 10k, 100k and 1M resources on SQLite and PostgreSQL (long: loading 1M dominates).
bench-search: configure
	@scripts/install-deps.sh bench
	cmake --build $(BUILD) -j $(JOBS) --target avenir avenir-demo
	AVENIR_PG_OPTS="-c shared_buffers=1GB" scripts/with-postgres.sh bench/search --database both

# Every benchmark in one table (HTTP and search on both databases, page weight per route, slow
# clients, start-up and memory); about an hour, mostly loading 1M resources. BENCH_QUICK=1: minutes.
bench-all: configure
	@scripts/install-deps.sh bench
	cmake --build $(BUILD) -j $(JOBS) --target avenir avenir-demo
	bench/run-all

# Runs every fuzz target for FUZZ_SECONDS each (needs clang and libclang-rt-14-dev), from its seeds in
# fuzz/<name>-seeds; corpora grow in build-fuzz/, where a crashing input is written as <name>-crash-*.
FUZZ_SECONDS ?= 60
FUZZ_RUN = -max_total_time=$(FUZZ_SECONDS)
fuzz: deps
	cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ -DAVENIR_FUZZ=ON
	cmake --build build-fuzz -j $(JOBS) --target parsers_fuzz search_fuzz import_fuzz content_fuzz inputs_fuzz upload_fuzz
	mkdir -p build-fuzz/corpus build-fuzz/search-corpus build-fuzz/import-corpus build-fuzz/content-corpus build-fuzz/inputs-corpus build-fuzz/upload-corpus
	build-fuzz/parsers_fuzz $(FUZZ_RUN) -artifact_prefix=build-fuzz/parsers- build-fuzz/corpus fuzz/parsers-seeds
	build-fuzz/search_fuzz $(FUZZ_RUN) -artifact_prefix=build-fuzz/search- build-fuzz/search-corpus fuzz/search-seeds
	build-fuzz/import_fuzz $(FUZZ_RUN) -artifact_prefix=build-fuzz/import- -dict=fuzz/import.dict build-fuzz/import-corpus fuzz/import-seeds
	build-fuzz/content_fuzz $(FUZZ_RUN) -artifact_prefix=build-fuzz/content- -dict=fuzz/content.dict build-fuzz/content-corpus fuzz/content-seeds
	build-fuzz/inputs_fuzz $(FUZZ_RUN) -artifact_prefix=build-fuzz/inputs- build-fuzz/inputs-corpus fuzz/inputs-seeds
	build-fuzz/upload_fuzz $(FUZZ_RUN) -artifact_prefix=build-fuzz/upload- -dict=fuzz/upload.dict build-fuzz/upload-corpus fuzz/upload-seeds

# Fault and attack drills (kill -9 during writes, full disk, PostgreSQL stopped, backup and
# restore, sqlmap, slowhttptest, request smuggling), each ending in PASS or FAIL (long: ~30 min).
proof: deps-test configure
	@scripts/install-deps.sh proof
	cmake --build $(BUILD) -j $(JOBS)
	AVENIR_PG_OPTS="-c synchronous_commit=on" scripts/with-postgres.sh proof/run

clean:
	rm -rf $(BUILD)
