#include "modules/guide/guide_diff.hpp"

#include <sstream>

namespace avenir::guide {
namespace {

void add_text(std::vector<std::string>& out, const std::string& label, const std::string& text) {
    out.push_back("[" + label + "]");
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(line);
}

}  // namespace

std::vector<std::string> readable_lines(const Workshop& w, const std::string& lang) {
    std::vector<std::string> out;
    const auto it = w.texts.find(lang);
    const nlohmann::json doc = it == w.texts.end() ? nlohmann::json::object() : it->second;
    for (const char* key : {"title", "summary", "overview", "preparation", "considerations", "cascade"})
        add_text(out, key, doc.value(key, std::string()));
    for (const char* key : {"objectives", "key_points", "guiding_questions"}) {
        out.push_back(std::string("[") + key + "]");
        for (const auto& item : doc.value(key, nlohmann::json::array())) out.push_back("- " + item.get<std::string>());
    }
    const nlohmann::json steps = doc.value("steps", nlohmann::json::object());
    for (const auto& s : w.steps) {
        const nlohmann::json st = steps.value(s.id, nlohmann::json::object());
        out.push_back("== " + st.value("title", s.id) + " (" + s.phase + ", " + std::to_string(s.min_minutes) + "-" +
                      std::to_string(s.max_minutes) + " min" + (s.optional ? ", optional" : "") + ", " + s.grouping + ")");
        for (const char* key : {"facilitator", "participants", "online", "low_bandwidth"}) add_text(out, key, st.value(key, std::string()));
    }
    return out;
}

std::vector<DiffLine> diff_lines(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<unsigned>> lcs(n + 1, std::vector<unsigned>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::vector<DiffLine> out;
    std::size_t i = 0, j = 0;
    while (i < n && j < m) {
        if (a[i] == b[j]) out.push_back({' ', a[i]}), ++i, ++j;
        else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push_back({'-', a[i++]});
        else out.push_back({'+', b[j++]});
    }
    while (i < n) out.push_back({'-', a[i++]});
    while (j < m) out.push_back({'+', b[j++]});
    return out;
}

}  // namespace avenir::guide
