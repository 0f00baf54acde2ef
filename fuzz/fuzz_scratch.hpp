#pragma once
// A scratch folder for a fuzz target that writes files (content bundles, uploads): on tmpfs when
// there is one, named after the target and the process, removed at exit. A run that crashed
// cannot remove its folder, so each start also removes the folders of processes that are gone.
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace avenir_fuzz {

inline const std::filesystem::path& scratch_dir(const char* target) {
    namespace fs = std::filesystem;
    static const fs::path dir = [target] {
        const fs::path base = fs::is_directory("/dev/shm") && access("/dev/shm", W_OK) == 0 ? fs::path("/dev/shm") : fs::temp_directory_path();
        const std::string prefix = std::string("avenir-") + target + "-";
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(base, ec)) {
            const std::string name = entry.path().filename().string();
            if (!name.starts_with(prefix)) continue;
            const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
            if (pid > 0 && kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) fs::remove_all(entry.path(), ec);
        }
        const fs::path d = base / (prefix + std::to_string(getpid()));
        fs::create_directories(d);
        return d;
    }();
    static const bool cleanup = std::atexit([] {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }) == 0;
    (void)cleanup;
    return dir;
}

}  // namespace avenir_fuzz
