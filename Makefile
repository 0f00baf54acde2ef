# Avenir: the two commands are `make run` and `make test` (see README.md).
BUILD ?= build
JOBS  ?= $(shell nproc)
HOST  ?= 127.0.0.1
PORT  ?= 8080

.PHONY: run test build deps deps-test configure unit browser bench bench-search fuzz clean

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

# Unit, HTTP and store tests on SQLite and on a throwaway PostgreSQL cluster, then browser tests.
test: deps-test configure
	cmake --build $(BUILD) -j $(JOBS)
	scripts/with-postgres.sh env AVENIR_REQUIRE_PG=1 ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
	scripts/browser-tests.sh $(BUILD)

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

# Runs the parser fuzz target for FUZZ_SECONDS (needs clang and libclang-rt-14-dev).
FUZZ_SECONDS ?= 60
fuzz: deps
	cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ -DAVENIR_FUZZ=ON
	cmake --build build-fuzz -j $(JOBS) --target parsers_fuzz search_fuzz
	mkdir -p build-fuzz/corpus build-fuzz/search-corpus
	build-fuzz/parsers_fuzz -max_total_time=$(FUZZ_SECONDS) build-fuzz/corpus
	build-fuzz/search_fuzz -max_total_time=$(FUZZ_SECONDS) build-fuzz/search-corpus fuzz/search-seeds

clean:
	rm -rf $(BUILD)
