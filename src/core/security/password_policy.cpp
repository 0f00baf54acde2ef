// password_problems(): length in code points, context words, then the dictionary checks.
#include "core/security/password.hpp"
#include "core/security/weak_password.hpp"
#include "core/text/utf8.hpp"

#include <clocale>
#include <cwctype>
#include <locale.h>
#include <optional>

namespace avenir::security {
namespace {

// Strict UTF-8 (no overlong forms, surrogates or code points past U+10FFFF); nullopt otherwise.
std::optional<std::u32string> decode_utf8(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto cp = utf8::next(s, i);
        if (!cp) return std::nullopt;
        out += *cp;
    }
    return out;
}

std::string encode_utf8(std::u32string_view cps) {
    std::string out;
    for (char32_t c : cps) utf8::append(out, c);
    return out;
}

bool is_control(char32_t c) { return c < 0x20 || (c >= 0x7F && c < 0xA0); }

// Unicode case mapping and classes from glibc's C.UTF-8, independent of the process locale.
locale_t utf8_ctype() {
    static const locale_t loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
    return loc;
}

char32_t fold(char32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
    const locale_t loc = utf8_ctype();
    return loc ? static_cast<char32_t>(towlower_l(static_cast<wint_t>(c), loc)) : c;
}

bool is_word_char(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    const locale_t loc = utf8_ctype();
    return loc ? iswalnum_l(static_cast<wint_t>(c), loc) != 0 : true;
}

std::u32string folded(std::u32string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (char32_t c : s) out += fold(c);
    return out;
}

// Context words split at anything that is not a letter or digit, folded, at least 4 code points.
std::vector<std::u32string> personal_tokens(const std::vector<std::string>& context_words) {
    std::vector<std::u32string> tokens;
    for (const auto& word : context_words) {
        const auto cps = decode_utf8(word);
        if (!cps) continue;
        std::u32string current;
        for (std::size_t i = 0; i <= cps->size(); ++i) {
            if (i < cps->size() && is_word_char((*cps)[i])) {
                current += fold((*cps)[i]);
                continue;
            }
            if (current.size() >= 4) tokens.push_back(current);
            current.clear();
        }
    }
    return tokens;
}

void add_once(std::vector<std::string>& problems, std::string msg) {
    for (const auto& p : problems)
        if (p == msg) return;
    problems.push_back(std::move(msg));
}

}  // namespace

std::string password_too_short_msg(std::size_t min_length) {
    if (min_length == 12) return password_msg::kPublicTooShort12;
    return "Use at least " + std::to_string(min_length) + " characters.";
}

std::string password_too_long_msg(std::size_t max_length) {
    if (max_length == 128) return password_msg::kPublicTooLong128;
    return "Use at most " + std::to_string(max_length) + " characters.";
}

std::vector<std::string> password_problems(std::string_view password, const PasswordPolicy& policy,
                                           const std::vector<std::string>& context_words) {
    const auto cps = decode_utf8(password);
    if (!cps) return {password_msg::kPublicInvalidText};
    for (char32_t c : *cps)
        if (is_control(c)) return {password_msg::kPublicInvalidText};
    if (cps->size() < policy.min_length) return {password_too_short_msg(policy.min_length)};
    if (cps->size() > policy.max_length) return {password_too_long_msg(policy.max_length)};

    std::vector<std::string> problems;
    const auto tokens = personal_tokens(context_words);
    const std::u32string pw = folded(*cps);
    for (const auto& token : tokens) {
        if (pw.find(token) != std::u32string::npos) {
            add_once(problems, password_msg::kPublicPersonal);
            break;
        }
    }

    std::vector<std::string> gecos;
    for (const auto& token : tokens) gecos.push_back(encode_utf8(token));
    switch (detail::find_weakness(std::string(password), detail::dictionary_prefix(policy.dictionary), gecos)) {
        case detail::Weakness::None: break;
        case detail::Weakness::Common: add_once(problems, password_msg::kPublicCommon); break;
        case detail::Weakness::Predictable: add_once(problems, password_msg::kPublicPredictable); break;
        case detail::Weakness::FewDifferent: add_once(problems, password_msg::kPublicFewDifferent); break;
        case detail::Weakness::Personal: add_once(problems, password_msg::kPublicPersonal); break;
    }
    return problems;
}

void check_password_dictionary(const PasswordPolicy& policy) {
    detail::open_dictionary(detail::dictionary_prefix(policy.dictionary));
}

}  // namespace avenir::security
