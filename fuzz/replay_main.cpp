// Replays a fuzz target's seeds (crash regressions included) without libFuzzer, so that every
// `make test` runs each input that once crashed a parser: built with the ordinary compiler and
// linked to the platform library, one ctest test per target (fuzz_replay.<target>). The target's
// own checks abort on a violated property; this program fails when a folder holds no input.
//   <target>_replay DIR...
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    std::size_t replayed = 0, regressions = 0;
    for (int i = 1; i < argc; ++i) {
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(argv[i]))
            if (e.is_regular_file()) files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto& p : files) {
            std::ifstream in(p, std::ios::binary);
            const std::string bytes{std::istreambuf_iterator<char>(in), {}};
            std::fprintf(stderr, "replay %s\n", p.filename().c_str());
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
            ++replayed;
            regressions += p.filename().string().starts_with("crash-");
        }
    }
    std::printf("replayed %zu inputs (%zu former crashes) without a violation\n", replayed, regressions);
    return replayed > 0 ? 0 : 1;
}
