#include "core/search/analyzer.hpp"

#include <algorithm>

#include <libstemmer.h>
#include <sqlite3.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <span>
#include <string>
#include <map>
#include <cmath>
#include <vector>
#include <cstring>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <unordered_set>

#include "core/text/utf8.hpp"

namespace avenir::search {
namespace {

// Short stop-word lists: the words that carry no meaning for search in each language. They are
// dropped from documents and queries alike, which keeps the index small and phrases consistent.
const std::unordered_set<std::string>& stop_words(std::string_view lang) {
    static const std::unordered_set<std::string> en{
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "its",
        "of", "on", "or", "that", "the", "their", "this", "to", "was", "were", "will", "with"};
    static const std::unordered_set<std::string> fr{
        "a", "à", "au", "aux", "avec", "ce", "ces", "d", "dans", "de", "des", "du", "elle", "en", "est", "et", "il",
        "l", "la", "le", "les", "leur", "leurs", "n", "ne", "ou", "par", "pas", "pour", "qu", "que", "qui", "s",
        "sa", "se", "ses", "son", "sur", "un", "une"};
    static const std::unordered_set<std::string> es{
        "a", "al", "con", "de", "del", "el", "en", "es", "la", "las", "lo", "los", "o", "para", "por", "que", "se",
        "su", "sus", "un", "una", "y"};
    static const std::unordered_set<std::string> ar{"في", "من", "على", "إلى", "عن", "أن", "و", "أو", "مع", "هذا", "هذه", "التي", "الذي"};
    static const std::unordered_set<std::string> none;
    if (lang == "en") return en;
    if (lang == "fr") return fr;
    if (lang == "es") return es;
    if (lang == "ar") return ar;
    return none;
}

// The Snowball algorithm of each language; Arabic uses light stemming instead (see below) but is a
// known language.
const char* algorithm(std::string_view lang) {
    if (lang == "en") return "english";
    if (lang == "fr") return "french";
    if (lang == "es") return "spanish";
    if (lang == "ar") return "arabic";
    return nullptr;
}

bool ends_with(const std::string& w, std::string_view end, std::size_t min_stem) {
    return w.size() >= end.size() + min_stem && std::string_view(w).substr(w.size() - end.size()) == end;
}

// Words are folded (no accents) before stemming, so that a word typed without its accents meets
// the same stem as the accented one. Snowball's Spanish and French stemmers recognise some endings
// only with their accent ("-ción", "-ité", "-ée"), so those endings get their accent back first:
// the folded word is respelt the one way the stemmer reads it, for documents and queries alike.
std::string canonical_spelling(std::string_view lang, std::string w) {
    struct Ending {
        std::string_view plain, accented;
    };
    static constexpr Ending es[] = {{"ciones", "ciones"}, {"cion", "ción"}, {"sion", "sión"}, {"xion", "xión"},
                                    {"logias", "logías"}, {"logia", "logía"}};
    static constexpr Ending fr[] = {{"ites", "ités"}, {"ite", "ité"}, {"ees", "ées"}, {"ee", "ée"},
                                    {"ieres", "ières"}, {"iere", "ière"}};
    std::span<const Ending> endings;
    if (lang == "es") endings = es;
    else if (lang == "fr") endings = fr;
    for (const auto& e : endings)
        if (ends_with(w, e.plain, 2)) {
            w.replace(w.size() - e.plain.size(), e.plain.size(), e.accented);
            break;
        }
    return w;
}

// Arabic light stemming in the manner of Larkey, Ballesteros and Connell's light10 (as Lucene's
// Arabic analyzer does it), on a folded word (no diacritics or tatweel; alef forms, alef maqsura
// and ta marbuta already normalised): "and" (و) when at least three letters remain, then one
// article with its attached preposition or conjunction (ال بال كال فال لل) when at least two
// remain, then the common plural, dual and pronoun endings, each once, in order.
std::string arabic_light_stem(std::string_view folded) {
    std::u32string w;
    for (std::size_t i = 0; i < folded.size();)
        if (const auto c = utf8::next(folded, i)) w.push_back(*c);
    if (w.size() >= 4 && w.front() == U'\u0648') w.erase(0, 1);  // و
    static const std::u32string articles[] = {U"\u0628\u0627\u0644", U"\u0643\u0627\u0644", U"\u0641\u0627\u0644",  // بال كال فال
                                              U"\u0644\u0644", U"\u0627\u0644"};                                  // لل ال
    for (const auto& a : articles)
        if (w.size() >= a.size() + 2 && w.starts_with(a)) {
            w.erase(0, a.size());
            break;
        }
    static const std::u32string endings[] = {U"\u0647\u0627", U"\u0627\u0646", U"\u0627\u062A", U"\u0648\u0646",  // ها ان ات ون
                                             U"\u064A\u0646", U"\u064A\u0647", U"\u0647", U"\u064A"};             // ين يه ه ي
    for (const auto& e : endings)
        if (w.size() >= e.size() + 2 && w.ends_with(e)) w.erase(w.size() - e.size());
    std::string out;
    for (const char32_t c : w) utf8::append(out, c);
    return out;
}

bool is_word_char(UChar32 c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (c == 0x0640) return true;  // Arabic tatweel: inside words, removed by fold()
    return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK || u_charType(c) == U_COMBINING_SPACING_MARK;
}

void append_utf8(std::string& out, UChar32 c) {
    char buf[4];
    int32_t n = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, error);
    if (!error) out.append(buf, static_cast<std::size_t>(n));
}

// Splits text into words with their byte offsets; calls fn(word, start, end).
template <class Fn>
int for_each_word(std::string_view text, Fn&& fn) {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const auto n = static_cast<int32_t>(text.size());
    int32_t i = 0;
    int32_t start = -1;
    while (i < n) {
        const int32_t at = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        const bool word = c >= 0 && is_word_char(c);
        if (word && start < 0) start = at;
        if (!word && start >= 0) {
            if (int rc = fn(text.substr(start, at - start), start, at); rc != 0) return rc;
            start = -1;
        }
    }
    if (start >= 0) return fn(text.substr(start), start, n);
    return 0;
}

class Analyzer;
Analyzer& analyzer_for(std::string_view lang);

class Analyzer {
public:
    explicit Analyzer(std::string lang) : lang_(std::move(lang)) {
        for (const auto& w : stop_words(lang_)) stops_.insert(fold(w));  // "إلى" is also typed "الى"
        if (lang_ != "ar")
            if (const char* a = algorithm(lang_)) stemmer_ = sb_stemmer_new(a, "UTF_8");
    }
    ~Analyzer() {
        if (stemmer_) sb_stemmer_delete(stemmer_);
    }
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;

    // Calls emit(token, colocated, start, end) for each token of text.
    template <class Emit>
    int run(std::string_view text, Analysis mode, Emit&& emit) {
        return for_each_word(text, [&](std::string_view word, int start, int end) -> int {
            if (word.size() > 120) return 0;  // not a word anyone searches for
            const std::string folded = fold(word);
            if (stops_.contains(folded)) return 0;
            const std::string raw = "_" + folded;
            if (mode == Analysis::Prefix) return emit(raw, false, start, end);
            const std::string stem = stemmed(folded);
            if (int rc = emit(stem, false, start, end); rc != 0) return rc;
            if (mode == Analysis::Document) return emit(raw, true, start, end);
            return 0;
        });
    }

    // Whether a word of a text matches a stem or a prefix (stems only computed when the word could
    // match: most words of a text share no first letters with the query).
    bool matches(std::string_view word, const Highlight& h) {
        if (word.size() > 120) return false;
        // Most words of a text cannot match: an ASCII first letter none of the stems and prefixes
        // start with rules the word out before any allocation, case mapping or stemming.
        if (const auto b = static_cast<unsigned char>(word.front()); b < 0x80) {
            const char c = ascii::lower(static_cast<char>(b));
            bool possible = false;
            for (const auto& st : h.stems) possible = possible || (!st.empty() && st.front() == c);
            for (const auto& p : h.prefixes) possible = possible || (!p.empty() && p.front() == c);
            if (!possible) return false;
        }
        const std::string folded = fold(word);
        if (stops_.contains(folded)) return false;
        for (const auto& p : h.prefixes)
            if (folded.starts_with(p)) return true;
        // A stem shares its first letters with the word, except in Arabic, where light stemming
        // takes letters off the front ("البيانات" -> "بيان").
        bool maybe = lang_ == "ar";
        for (const auto& st : h.stems) {
            const std::size_t n = std::min<std::size_t>({3, st.size(), folded.size()});
            maybe = maybe || folded.compare(0, n, st, 0, n) == 0;
        }
        if (!maybe) return false;
        const std::string stem = stemmed(folded);
        for (const auto& st : h.stems)
            if (stem == st) return true;
        return false;
    }

private:
    // The stem of a folded word: Arabic light stemming, or Snowball on the word's canonical
    // spelling, folded again. Words with digits are kept whole.
    std::string stemmed(const std::string& folded) {
        bool digits = false;
        for (char ch : folded) digits = digits || (ch >= '0' && ch <= '9');
        if (digits) return folded;
        if (lang_ == "ar") return arabic_light_stem(folded);
        if (!stemmer_) return folded;
        const std::string word = canonical_spelling(lang_, folded);
        const sb_symbol* out = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
        if (!out) return folded;
        return fold(std::string_view(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(stemmer_))));
    }

    std::string lang_;
    std::unordered_set<std::string> stops_;  // folded
    sb_stemmer* stemmer_ = nullptr;
};

// ---- FTS5 tokenizer ------------------------------------------------------------------------

int tok_create(void*, const char** argv, int argc, Fts5Tokenizer** out) {
    const std::string lang = argc > 0 ? argv[0] : "en";
    if (!algorithm(lang)) return SQLITE_ERROR;
    *out = reinterpret_cast<Fts5Tokenizer*>(new (std::nothrow) Analyzer(lang));
    return *out ? SQLITE_OK : SQLITE_NOMEM;
}

void tok_delete(Fts5Tokenizer* t) { delete reinterpret_cast<Analyzer*>(t); }

int tok_tokenize(Fts5Tokenizer* t, void* ctx, int flags, const char* text, int n,
                 int (*token)(void*, int, const char*, int, int, int)) {
    Analysis mode = Analysis::Document;
    if (flags & FTS5_TOKENIZE_QUERY) mode = (flags & FTS5_TOKENIZE_PREFIX) ? Analysis::Prefix : Analysis::Query;
    // An exact index term chosen by the store (a prefix expanded from library_terms): passed as
    // is. Readers cannot send it: the query parser drops control characters.
    if (mode == Analysis::Query && n > 1 && text[0] == kExactTerm) return token(ctx, 0, text + 1, n - 1, 0, n);
    try {
        return reinterpret_cast<Analyzer*>(t)->run(std::string_view(text, static_cast<std::size_t>(n)), mode,
                                                   [&](const std::string& tok, bool colocated, int start, int end) {
                                                       return token(ctx, colocated ? FTS5_TOKEN_COLOCATED : 0, tok.data(),
                                                                    static_cast<int>(tok.size()), start, end);
                                                   });
    } catch (...) {
        return SQLITE_NOMEM;
    }
}

fts5_api* fts5_api_of(sqlite3* db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
    sqlite3_bind_pointer(stmt, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return api;
}

// avenir_rank(table, w_col0, w_col1, ...): a relevance score computed from the current row's
// match positions only: for each (phrase, column) with hits, weight[column] x (1 + ln hits), summed
// and negated (lower is better, like bm25). Unlike bm25 it reads no document sizes and no
// collection statistics (bm25 scans every doclist of the query once per query, which dominated
// search time on large libraries), so it costs the same whatever the size of the library.
void avenir_rank(const Fts5ExtensionApi* api, Fts5Context* ctx, sqlite3_context* out, int n_weights, sqlite3_value** weights) {
    int count = 0;
    if (api->xInstCount(ctx, &count) != SQLITE_OK) {
        sqlite3_result_error(out, "avenir_rank: no match information", -1);
        return;
    }
    const int phrases = api->xPhraseCount(ctx);
    const int columns = api->xColumnCount(ctx);
    std::vector<int> hits(static_cast<std::size_t>(std::max(1, phrases * columns)), 0);
    for (int i = 0; i < count; ++i) {
        int phrase = 0, column = 0, offset = 0;
        if (api->xInst(ctx, i, &phrase, &column, &offset) == SQLITE_OK && phrase < phrases && column < columns)
            ++hits[static_cast<std::size_t>(phrase * columns + column)];
    }
    double score = 0;
    for (int p = 0; p < phrases; ++p)
        for (int c = 0; c < columns; ++c)
            if (const int h = hits[static_cast<std::size_t>(p * columns + c)]; h > 0)
                score += (c < n_weights ? sqlite3_value_double(weights[c]) : 1.0) * (1.0 + std::log(static_cast<double>(h)));
    sqlite3_result_double(out, -score);
}

int register_on(sqlite3* db, char** err, const sqlite3_api_routines*) {
    fts5_api* api = fts5_api_of(db);
    if (!api) {
        if (err) *err = sqlite3_mprintf("avenir: this SQLite has no FTS5");
        return SQLITE_ERROR;
    }
    static fts5_tokenizer tokenizer{tok_create, tok_delete, tok_tokenize};
    if (int rc = api->xCreateTokenizer(api, "avenir", nullptr, &tokenizer, nullptr); rc != SQLITE_OK) return rc;
    return api->xCreateFunction(api, "avenir_rank", nullptr, &avenir_rank, nullptr);
}

}  // namespace

std::string fold(std::string_view word) {
    // Plain ASCII has nothing to fold but case (most words of English texts).
    if (std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return ascii::lower(word);
    UErrorCode status = U_ZERO_ERROR;
    static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    std::string out;
    out.reserve(word.size());
    const auto* s = reinterpret_cast<const uint8_t*>(word.data());
    const auto n = static_cast<int32_t>(word.size());
    int32_t i = 0;
    while (i < n) {
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0) continue;
        if (c < 0x80) {
            out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
            continue;
        }
        c = u_tolower(c);
        if (c == 0x0153) { out += "oe"; continue; }  // œ
        if (c == 0x00E6) { out += "ae"; continue; }  // æ
        if (c == 0x00DF) { out += "ss"; continue; }  // ß
        if (c == 0x0640) continue;                     // Arabic tatweel
        if (c == 0x0649) { out += "\u064A"; continue; } // Arabic alef maqsura -> ya
        if (c == 0x0629) { out += "\u0647"; continue; } // Arabic ta marbuta -> ha
        icu::UnicodeString decomposition;
        if (nfd && nfd->getDecomposition(c, decomposition)) {
            for (int32_t k = 0; k < decomposition.length();) {
                const UChar32 d = decomposition.char32At(k);
                k += U16_LENGTH(d);
                if (u_charType(d) != U_NON_SPACING_MARK) append_utf8(out, d);
            }
        } else if (u_charType(c) != U_NON_SPACING_MARK) {
            append_utf8(out, c);
        }
    }
    return out;
}

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    for_each_word(text, [&](std::string_view w, int, int) {
        words.emplace_back(w);
        return 0;
    });
    return words;
}

namespace {
// One analyzer per language and thread: a Snowball stemmer and the stop-word set are built once,
// not for every search term and every highlighted result.
Analyzer& analyzer_for(std::string_view lang) {
    thread_local std::map<std::string, std::unique_ptr<Analyzer>, std::less<>> analyzers;
    auto it = analyzers.find(lang);
    if (it == analyzers.end()) it = analyzers.emplace(std::string(lang), std::make_unique<Analyzer>(std::string(lang))).first;
    return *it->second;
}
}  // namespace

std::vector<std::string> analyze(std::string_view lang, std::string_view text, Analysis mode) {
    Analyzer& a = analyzer_for(lang);
    std::vector<std::string> out;
    a.run(text, mode, [&](const std::string& tok, bool, int, int) {
        out.push_back(tok);
        return 0;
    });
    return out;
}

std::string pg_lexeme(std::string_view lexeme) {
    std::string out = "'";
    for (char c : lexeme) {
        if (c == '\'' || c == '\\') out.push_back(c == '\'' ? '\'' : '\\');
        out.push_back(c);
    }
    return out + "'";
}

std::string tsvector_text(std::string_view lang, const std::vector<Field>& fields) {
    // PostgreSQL keeps positions up to 16383 and at most 256 per lexeme; later ones are dropped by
    // the server (it clamps), which only affects phrase matches deep inside very long texts.
    constexpr int kMaxPosition = 16383, kFieldGap = 100;
    std::map<std::string, std::string> lexemes;  // lexeme -> "1A,7A"
    Analyzer& a = analyzer_for(lang);
    int position = 0;
    for (const auto& f : fields) {
        if (f.text.empty()) continue;
        a.run(f.text, Analysis::Document, [&](const std::string& tok, bool colocated, int, int) {
            if (!colocated) position = std::min(position + 1, kMaxPosition);
            auto& p = lexemes[tok];
            if (std::count(p.begin(), p.end(), ',') >= 255) return 0;
            p += (p.empty() ? "" : ",") + std::to_string(position) + f.weight;
            return 0;
        });
        position = std::min(position + kFieldGap, kMaxPosition);
    }
    std::string out;
    for (const auto& [lexeme, positions] : lexemes) out += (out.empty() ? "" : " ") + pg_lexeme(lexeme) + ":" + positions;
    return out;
}

std::string highlight(std::string_view lang, std::string_view text, const Highlight& h, std::size_t max_words) {
    Analyzer& a = analyzer_for(lang);
    struct Word {
        int start, end;
        bool hit;
    };
    std::vector<Word> words;
    // The first kHighlightWords words are enough to find a window to show: long bodies and
    // transcripts are not read to the end for a 32-word excerpt.
    constexpr std::size_t kHighlightWords = 600;
    const bool truncated = for_each_word(text, [&](std::string_view w, int start, int end) {
        words.push_back({start, end, a.matches(w, h)});
        return words.size() >= kHighlightWords ? 1 : 0;
    }) != 0;
    if (words.empty()) return std::string(text.substr(0, 200));
    // The window of max_words words with the most matches (the first such window).
    std::size_t best = 0, best_hits = 0, hits = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        hits += words[i].hit;
        if (i >= max_words) hits -= words[i - max_words].hit;
        const std::size_t start = i + 1 >= max_words ? i + 1 - max_words : 0;
        if (hits > best_hits) best_hits = hits, best = start;
    }
    // Start a little before the first match of the window, so it reads in context.
    std::size_t first = best;
    while (first < words.size() && !words[first].hit && best_hits > 0) ++first;
    const std::size_t from = best_hits > 0 ? (first >= 4 ? first - 4 : 0) : 0;
    const std::size_t to = std::min(words.size(), from + max_words);
    std::string out = from > 0 ? "… " : "";
    std::size_t at = static_cast<std::size_t>(words[from].start);
    for (std::size_t i = from; i < to; ++i) {
        out.append(text.substr(at, static_cast<std::size_t>(words[i].start) - at));
        const auto w = text.substr(static_cast<std::size_t>(words[i].start), static_cast<std::size_t>(words[i].end - words[i].start));
        if (words[i].hit) out += "\x02" + std::string(w) + "\x03";
        else out.append(w);
        at = static_cast<std::size_t>(words[i].end);
    }
    if (to < words.size() || truncated) out += " …";
    else out.append(text.substr(at));
    return out;
}

std::string mark(std::string_view lang, std::string_view text, const Highlight& h) {
    Analyzer& a = analyzer_for(lang);
    std::string out;
    out.reserve(text.size() + 16);
    std::size_t at = 0;
    for_each_word(text, [&](std::string_view w, int start, int end) {
        if (!a.matches(w, h)) return 0;
        out.append(text.substr(at, static_cast<std::size_t>(start) - at));
        out += "\x02";
        out.append(w);
        out += "\x03";
        at = static_cast<std::size_t>(end);
        return 0;
    });
    out.append(text.substr(at));
    return out;
}

std::string plain_text(std::string_view md) {
    std::string out;
    out.reserve(md.size());
    for (char c : md) {
        if (c == '*' || c == '#' || c == '_' || c == '`' || c == '>' || c == '[' || c == ']' || c == '|') continue;
        out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
    }
    return out;
}

void install_sqlite_search() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (sqlite3_auto_extension(reinterpret_cast<void (*)()>(&register_on)) != SQLITE_OK)
            throw std::runtime_error("could not register the library's search tokenizer with SQLite");
    });
}

}  // namespace avenir::search

namespace avenir::search {
namespace {
// Whenever the library is linked into a program, its SQLite search functions are registered for
// every connection that program opens, including tests that migrate a database without the app.
const bool kRegisteredAtLoad = (install_sqlite_search(), true);
}  // namespace
}  // namespace avenir::search
