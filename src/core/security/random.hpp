#pragma once
// Random values from the system's CSPRNG (libsodium).
#include <cstddef>
#include <string>

namespace avenir::security {

// `bytes` random bytes as lower-case hex (2 x bytes characters): stamps, share tokens, temp names.
std::string random_hex(std::size_t bytes);

}  // namespace avenir::security
