#include "core/security/weak_password.hpp"

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <mutex>
#include <stdexcept>

#include <crack.h>
extern "C" {
#include <packer.h>  // PWOpen, FindPW, PWClose: the dictionary lookups FascistCheck itself uses
}

namespace avenir::security::detail {
namespace {

// cracklib keeps static state (GetPW's block cache, FascistCheck's buffers in some versions).
std::mutex& cracklib_mutex() {
    static std::mutex m;
    return m;
}

// Passwords that are common with digits or symbols around them and that the English dictionary
// does not hold: keyboard walks, phrases, French and Spanish favourites, and this service's name
// (NIST SP 800-63B 5.1.1.2 asks for context-specific words). Lowercase, look-alikes read as letters.
constexpr std::string_view kCommon[] = {
    "password", "passwort", "motdepasse", "contrasena", "contrasenia", "clave", "secret",
    "letmein", "welcome", "bienvenue", "bienvenido", "admin", "administrator", "administrateur",
    "root", "login", "changeme", "default", "guest", "test", "testing", "qwerty", "qwertyuiop",
    "qwertz", "qwertzuiop", "azerty", "azertyuiop", "asdf", "asdfgh", "asdfghjkl", "zxcvbn",
    "zxcvbnm", "qazwsx", "qwerasdf", "qazwsxedc", "1qaz2wsx", "1qaz2wsx3edc",
    "1q2w3e4r", "1q2w3e4r5t", "1q2w3e4r5t6y", "q1w2e3r4", "q1w2e3r4t5y6", "zaq12wsx", "abc123",
    "abcd1234", "iloveyou", "iloveu", "loveyou", "jetaime", "teamo", "tequiero", "trustno1",
    "sunshine", "princess", "dragon", "monkey", "football", "soccer", "baseball", "superman",
    "batman", "starwars", "pokemon", "master", "shadow", "whatever", "freedom", "hello",
    "hellokitty", "computer", "internet", "samsung", "google", "facebook", "linkedin", "charlie",
    "michael", "jordan", "liverpool", "arsenal", "chelsea", "barcelona", "realmadrid",
    "marseille", "soleil", "chouchou", "doudou", "loulou", "correcthorsebatterystaple",
    "كلمةالمرور", "كلمةالسر", "avenir", "notreavenir", "ourdigitalfuture", "digitalfuture", "notreavenirnumerique",
};

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// Letters here are ASCII letters and every byte of a multibyte character.
bool is_letter(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

std::string trim_non_letters(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && !is_letter(s[b])) ++b;
    while (e > b && !is_letter(s[e - 1])) --e;
    return std::string(s.substr(b, e - b));
}

// Look-alike digits and symbols read as the letters they stand for ("p@ssw0rd" -> "password").
std::string read_look_alikes(std::string s) {
    for (char& c : s) {
        switch (c) {
            case '0': c = 'o'; break;
            case '1': case '!': c = 'i'; break;
            case '3': c = 'e'; break;
            case '4': case '@': c = 'a'; break;
            case '5': case '$': c = 's'; break;
            case '7': c = 't'; break;
            case '|': c = 'l'; break;
            default: break;
        }
    }
    return s;
}

std::string letters_only(std::string_view s) {
    std::string out;
    for (char c : s)
        if (is_letter(c)) out += c;
    return out;
}

// The shortest unit the text repeats ("monkeymonkey" -> "monkey"); the text itself otherwise.
std::string_view repeat_unit(std::string_view s) {
    for (std::size_t p = 1; p <= s.size() / 2; ++p) {
        if (s.size() % p != 0) continue;
        bool periodic = true;
        for (std::size_t i = p; i < s.size() && periodic; ++i) periodic = s[i] == s[i - p];
        if (periodic) return s.substr(0, p);
    }
    return s;
}

bool dictionary_exists(const std::string& prefix) {
    std::error_code ec;
    const auto present = [&](const char* ext) { return std::filesystem::exists(prefix + ext, ec); };
    return (present(".pwd") || present(".pwd.gz")) && present(".pwi") && present(".hwm");
}

class Dictionary {
public:
    explicit Dictionary(const std::string& prefix) {
        if (!dictionary_exists(prefix)) throw std::runtime_error("password dictionary not found: " + prefix);
        char mode[] = "r";
        dict_ = PWOpen(prefix.c_str(), mode);
        if (!dict_) throw std::runtime_error("password dictionary unreadable: " + prefix);
        char sentinel[] = "\x7f";  // sorts after every word: FindPW answers its "not found" value
        not_found_ = FindPW(dict_, sentinel);
    }
    ~Dictionary() { PWClose(dict_); }
    Dictionary(const Dictionary&) = delete;
    Dictionary& operator=(const Dictionary&) = delete;

    bool contains(std::string word) const {
        if (word.empty() || word.size() >= MAXWORDLEN) return false;
        return FindPW(dict_, word.data()) != not_found_;
    }

private:
    PWDICT* dict_ = nullptr;
    unsigned not_found_ = 0;
};

Weakness classify(std::string_view message) {
    if (message.find("dictionary") != std::string_view::npos && message.find("loading") != std::string_view::npos)
        throw std::runtime_error("password dictionary unreadable");
    if (message.find("DIFFERENT") != std::string_view::npos || message.find("whitespace") != std::string_view::npos)
        return Weakness::FewDifferent;
    if (message.find("systematic") != std::string_view::npos) return Weakness::Predictable;
    if (message.find("username") != std::string_view::npos || message.find("password entry") != std::string_view::npos)
        return Weakness::Personal;
    return Weakness::Common;  // dictionary words, reversed words, too short, National Insurance numbers
}

bool is_common_base(const Dictionary& dict, std::string_view base) {
    for (const std::string_view candidate : {base, repeat_unit(base)}) {
        if (candidate.size() < 4) continue;
        if (std::find(std::begin(kCommon), std::end(kCommon), candidate) != std::end(kCommon)) return true;
        if (dict.contains(std::string(candidate))) return true;
    }
    return false;
}

}  // namespace

std::string dictionary_prefix(const std::string& configured) {
    return configured.empty() ? std::string(GetDefaultCracklibDict()) : configured;
}

void open_dictionary(const std::string& prefix) {
    std::lock_guard lock(cracklib_mutex());
    Dictionary dict(prefix);
}

Weakness find_weakness(const std::string& password, const std::string& prefix,
                       const std::vector<std::string>& personal_words) {
    std::string gecos;
    for (const auto& w : personal_words) gecos += (gecos.empty() ? "" : " ") + w;
    // A user name no password can produce: with NULL, cracklib would look up the account this
    // server runs as (and refuse every password when that uid has no passwd entry).
    const char* const no_user = "\x7f";

    // cracklib holds one open dictionary at a time (PWOpen refuses a second), hence the lock
    // and the two opens one after the other.
    std::lock_guard lock(cracklib_mutex());
    if (!dictionary_exists(prefix)) throw std::runtime_error("password dictionary not found: " + prefix);
    if (const char* message = FascistCheckUser(password.c_str(), prefix.c_str(), no_user, gecos.c_str()))
        return classify(message);
    const Dictionary dict(prefix);

    const std::string lower = ascii_lower(password);
    const std::string trimmed = trim_non_letters(lower);
    const std::string read = trim_non_letters(read_look_alikes(trimmed));
    for (const std::string& base : {lower, trimmed, letters_only(trimmed), read, letters_only(read)})
        if (is_common_base(dict, base)) return Weakness::Common;
    return Weakness::None;
}

}  // namespace avenir::security::detail
