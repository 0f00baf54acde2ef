#pragma once
// Internal to core/security: the dictionary side of the password policy (cracklib and a short
// list of common passwords). password_problems() is the public entry point.
#include <string>
#include <string_view>
#include <vector>

namespace avenir::security::detail {

enum class Weakness { None, Common, Predictable, FewDifferent, Personal };

// The cracklib dictionary prefix for a configured path (empty = the compiled-in default).
std::string dictionary_prefix(const std::string& configured);
// Throws std::runtime_error when the dictionary files are missing or unreadable.
void open_dictionary(const std::string& prefix);
// cracklib's FascistCheckUser (with personal_words as the gecos field, never the server's own
// account) and then the base-word check: the password stripped of the digits and symbols around
// it, with look-alike digits read as letters, and of its repetitions ("Monkey!monkey2024"),
// looked up in the dictionary and in the common-password list. Calls are serialised: cracklib
// keeps static state. Throws std::runtime_error when the dictionary cannot be opened.
Weakness find_weakness(const std::string& password, const std::string& prefix,
                       const std::vector<std::string>& personal_words);

}  // namespace avenir::security::detail
