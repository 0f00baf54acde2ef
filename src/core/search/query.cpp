#include "core/search/query.hpp"

#include "core/search/analyzer.hpp"

namespace avenir::search {
namespace {

// Drops control characters and invalid UTF-8, and cuts to max bytes on a character boundary.
std::string clean(std::string_view in, std::size_t max, bool& shortened) {
    std::string out;
    out.reserve(std::min(in.size(), max));
    std::size_t i = 0;
    while (i < in.size()) {
        const auto c = static_cast<unsigned char>(in[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        bool ok = len > 0 && i + len <= in.size();
        for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(in[i + k]) >> 6) == 0x2;
        if (!ok) { ++i; continue; }
        if (out.size() + len > max) { shortened = true; break; }
        if (len == 1 && (c < 0x20 || c == 0x7F)) out.push_back(' ');
        else out.append(in.substr(i, len));
        i += len;
    }
    return out;
}

std::string term_expression(const Term& t) {
    std::string words;
    for (const auto& w : t.words) words += (words.empty() ? "" : " ") + w;
    if (t.prefix) return "(" + fts5_quote(words) + " OR " + fts5_quote(words) + " *)";
    return fts5_quote(words);
}

}  // namespace

std::string fts5_quote(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += "\"\"";
        else out.push_back(c);
    }
    return out + "\"";
}

SearchQuery parse_query(std::string_view input) {
    SearchQuery q;
    const std::string text = clean(input, SearchQuery::kMaxLength, q.shortened);
    // Pass 1: raw pieces, each a word run or a quoted phrase, with its sign and whether an OR
    // preceded it.
    struct Piece {
        std::string text;
        bool phrase = false, exclude = false, or_before = false;
    };
    std::vector<Piece> pieces;
    bool pending_or = false;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == ' ' || text[i] == '\t') { ++i; continue; }
        bool exclude = false;
        if (text[i] == '-' && i + 1 < text.size() && text[i + 1] != ' ') { exclude = true; ++i; }
        Piece p;
        p.exclude = exclude;
        if (text[i] == '"') {
            const std::size_t close = text.find('"', i + 1);
            // An unbalanced quote runs to the end of the input.
            p.text = text.substr(i + 1, close == std::string::npos ? std::string::npos : close - i - 1);
            p.phrase = true;
            i = close == std::string::npos ? text.size() : close + 1;
        } else {
            std::size_t end = i;
            while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '"') ++end;
            p.text = text.substr(i, end - i);
            i = end;
            if (p.text == "OR" || p.text == "|") { pending_or = true; continue; }
        }
        p.or_before = pending_or;
        pending_or = false;
        pieces.push_back(std::move(p));
    }
    const bool trailing_space = !text.empty() && (text.back() == ' ' || text.back() == '\t');
    std::size_t terms = 0;
    for (std::size_t k = 0; k < pieces.size(); ++k) {
        Piece& p = pieces[k];
        Term t;
        t.words = split_words(p.text);
        if (t.words.empty()) continue;  // a lone operator or punctuation
        if (++terms > SearchQuery::kMaxTerms) { q.shortened = true; break; }
        t.phrase = p.phrase && t.words.size() > 1;
        t.prefix = k + 1 == pieces.size() && !p.phrase && !p.exclude && !trailing_space && !pending_or && t.words.size() == 1;
        if (p.exclude) {
            q.none.push_back(std::move(t));
        } else if (p.or_before && !q.all.empty()) {
            q.all.back().push_back(std::move(t));
        } else {
            q.all.push_back({std::move(t)});
        }
    }
    return q;
}

std::string fts5_expression(const SearchQuery& q, std::string_view also) {
    std::string out;
    for (const auto& group : q.all) {
        std::string g;
        for (const auto& t : group) g += (g.empty() ? "" : " OR ") + term_expression(t);
        out += (out.empty() ? "" : " AND ") + (group.size() > 1 ? "(" + g + ")" : g);
    }
    if (!also.empty()) out = "(" + out + ") AND " + std::string(also);
    for (const auto& t : q.none) out = "(" + out + ") NOT " + term_expression(t);
    return out;
}

std::string describe(const SearchQuery& q) {
    auto term = [](const Term& t) {
        std::string words;
        for (const auto& w : t.words) words += (words.empty() ? "" : " ") + w;
        return t.phrase ? "\"" + words + "\"" : words + (t.prefix ? "*" : "");
    };
    std::string out;
    for (const auto& group : q.all) {
        std::string g;
        for (const auto& t : group) g += (g.empty() ? "" : " OR ") + term(t);
        out += (out.empty() ? "" : " ") + g;
    }
    for (const auto& t : q.none) out += " -" + term(t);
    return out;
}

namespace {

std::string joined(const Term& t) {
    std::string words;
    for (const auto& w : t.words) words += (words.empty() ? "" : " ") + w;
    return words;
}

// Combines the query's groups (OR inside, AND across) and exclusions, given how one term reads in
// the backend's syntax ("" when the term has nothing to look for).
std::string combine(const SearchQuery& q, const std::function<std::string(const Term&)>& term, std::string_view or_op,
                    std::string_view and_op, std::string_view and_not_op) {
    std::string out;
    for (const auto& group : q.all) {
        std::vector<std::string> alts;
        for (const auto& t : group)
            if (auto e = term(t); !e.empty()) alts.push_back(std::move(e));
        if (alts.empty()) continue;
        std::string g;
        for (const auto& a : alts) g += (g.empty() ? "" : std::string(or_op)) + a;
        out += (out.empty() ? "" : std::string(and_op)) + (alts.size() > 1 ? "(" + g + ")" : g);
    }
    if (out.empty()) return "";
    for (const auto& t : q.none)
        if (auto e = term(t); !e.empty()) out = "(" + out + ")" + std::string(and_not_op) + e;
    return out;
}

}  // namespace

std::string fts5_match(const SearchQuery& q, std::string_view lang, const Expand& expand, const std::string& also) {
    auto term = [&](const Term& t) -> std::string {
        const std::string words = joined(t);
        const bool searchable = !analyze(lang, words, Analysis::Query).empty();
        if (!t.prefix) return searchable ? fts5_quote(words) : "";
        std::vector<std::string> alternatives;
        if (searchable) alternatives.push_back(fts5_quote(words));
        for (const auto& raw : analyze(lang, words, Analysis::Prefix))
            for (const auto& full : expand(lang, raw)) alternatives.push_back(fts5_quote(std::string(1, kExactTerm) + full));
        std::string out;
        for (const auto& a : alternatives) out += (out.empty() ? "" : " OR ") + a;
        return alternatives.size() > 1 ? "(" + out + ")" : out;
    };
    // FTS5 has no unary NOT: exclusions are "(...) NOT term", after the facets.
    SearchQuery positive = q;
    positive.none.clear();
    std::string out = combine(positive, term, " OR ", " AND ", " NOT ");
    if (out.empty()) return "";
    if (!also.empty()) out = "(" + out + ") AND " + also;
    for (const auto& t : q.none)
        if (auto e = term(t); !e.empty()) out = "(" + out + ") NOT " + e;
    return out;
}

std::string tsquery_text(const SearchQuery& q, std::string_view lang, const Expand& expand) {
    auto term = [&](const Term& t) -> std::string {
        const std::string words = joined(t);
        std::vector<std::string> alternatives;
        // A term's tokens in order: one stem per word (the tokenizer's Query analysis), adjacent.
        const auto stems = analyze(lang, words, Analysis::Query);
        if (!stems.empty()) {
            std::string phrase;
            for (const auto& s : stems) phrase += (phrase.empty() ? "" : " <-> ") + pg_lexeme(s);
            alternatives.push_back(stems.size() > 1 ? "(" + phrase + ")" : phrase);
        }
        if (t.prefix)
            for (const auto& raw : analyze(lang, words, Analysis::Prefix))
                for (const auto& full : expand(lang, raw)) alternatives.push_back(pg_lexeme(full));
        std::string out;
        for (const auto& a : alternatives) out += (out.empty() ? "" : " | ") + a;
        return alternatives.size() > 1 ? "(" + out + ")" : out;
    };
    return combine(q, term, " | ", " & ", " & !");
}

Highlight highlight_terms(const SearchQuery& q, std::string_view lang) {
    Highlight h;
    for (const auto& group : q.all)
        for (const auto& t : group)
            for (const auto& w : t.words) {
                for (auto& s : analyze(lang, w, Analysis::Query)) h.stems.push_back(std::move(s));
                if (t.prefix)
                    for (auto& p : analyze(lang, w, Analysis::Prefix)) h.prefixes.push_back(p.substr(1));  // without the '_' marker
            }
    return h;
}

}  // namespace avenir::search
