// The state of a content translation against its source (see i18n.hpp for the fingerprint rule).
#include "core/i18n/i18n.hpp"

#include <sodium.h>

#include <stdexcept>

namespace avenir::i18n {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Line endings made LF; leading and trailing whitespace removed.
std::string normalized(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            out.push_back(text[i]);
        } else {
            out.push_back('\n');
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        }
    }
    return out;
}

}  // namespace

std::string source_fingerprint(std::string_view source_text) {
    static const bool ready = sodium_init() >= 0;
    if (!ready) throw std::runtime_error("libsodium initialisation failed");
    const std::string text = normalized(source_text);
    unsigned char hash[crypto_generichash_BYTES];  // 32: BLAKE2b-256
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(text.data()), text.size(), nullptr, 0);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(16);
    for (std::size_t i = 0; i < 8; ++i) {
        out.push_back(kHex[hash[i] >> 4]);
        out.push_back(kHex[hash[i] & 0x0F]);
    }
    return out;
}

TranslationState translation_state(std::string_view current_source_text,
                                   std::optional<std::string_view> translated_from_fingerprint, bool has_text) {
    if (!has_text) return TranslationState::Missing;
    if (translated_from_fingerprint && *translated_from_fingerprint == source_fingerprint(current_source_text))
        return TranslationState::Complete;
    return TranslationState::Outdated;
}

}  // namespace avenir::i18n
