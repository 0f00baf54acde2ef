#include "core/documents/document.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <stdexcept>

extern char** environ;

namespace avenir::documents {
using nlohmann::json;

namespace {

json str(const std::string& s) { return {{"t", "Str"}, {"c", s}}; }

// Text as pandoc inlines: words and spaces (line breaks become spaces).
json inlines(const std::string& text) {
    json out = json::array();
    std::string word;
    auto flush = [&] {
        if (!word.empty()) out.push_back(str(word));
        word.clear();
    };
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            flush();
            if (!out.empty() && out.back().value("t", "") != "Space") out.push_back({{"t", "Space"}});
        } else {
            word.push_back(c);
        }
    }
    flush();
    if (!out.empty() && out.back().value("t", "") == "Space") out.erase(out.size() - 1);
    return out;
}

json meta_inlines(const std::string& text) { return {{"t", "MetaInlines"}, {"c", inlines(text)}}; }
json para(const std::string& text) { return {{"t", "Para"}, {"c", inlines(text)}}; }

// Runs argv with input on its standard input; returns its standard output. Throws on a failure
// (with the start of its standard error) or after timeout_ms (the process is killed).
std::string run(const std::vector<std::string>& argv, const std::string& input, int timeout_ms) {
    int in[2], out[2], err[2];
    if (pipe2(in, O_CLOEXEC) || pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC)) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    posix_spawn_file_actions_adddup2(&fa, err[1], 2);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, args[0], &fa, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    close(in[0]);
    close(out[1]);
    close(err[1]);
    if (rc != 0) {
        close(in[1]), close(out[0]), close(err[0]);
        throw std::runtime_error(argv[0] + " could not be started (is it installed?)");
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    std::string stdout_bytes, stderr_bytes;
    std::size_t written = 0;
    int in_fd = in[1];
    if (input.empty()) close(in_fd), in_fd = -1;
    bool out_open = true, err_open = true, timed_out = false;
    signal(SIGPIPE, SIG_IGN);
    while (out_open || err_open) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        if (left <= 0) {
            timed_out = true;
            break;
        }
        pollfd fds[3] = {{out_open ? out[0] : -1, POLLIN, 0}, {err_open ? err[0] : -1, POLLIN, 0}, {in_fd, POLLOUT, 0}};
        if (poll(fds, 3, static_cast<int>(left)) < 0) continue;
        char buf[65536];
        if (fds[0].revents) {
            const auto n = read(out[0], buf, sizeof buf);
            if (n > 0) stdout_bytes.append(buf, static_cast<std::size_t>(n));
            else out_open = false;
        }
        if (fds[1].revents) {
            const auto n = read(err[0], buf, sizeof buf);
            if (n > 0 && stderr_bytes.size() < 4096) stderr_bytes.append(buf, static_cast<std::size_t>(n));
            else if (n <= 0) err_open = false;
        }
        if (in_fd >= 0 && fds[2].revents) {
            const auto n = write(in_fd, input.data() + written, input.size() - written);
            if (n > 0) written += static_cast<std::size_t>(n);
            if (n <= 0 || written == input.size()) close(in_fd), in_fd = -1;
        }
    }
    if (in_fd >= 0) close(in_fd);
    close(out[0]);
    close(err[0]);
    if (timed_out) kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (timed_out) throw std::runtime_error(argv[0] + " took too long");
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error(argv[0] + " failed: " + stderr_bytes.substr(0, 300));
    return stdout_bytes;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

// pandoc's own reference ODT with a page-break paragraph style, and right to left throughout when
// rtl; made once per process in the temporary folder.
std::string reference_odt(bool rtl, int timeout_ms) {
    static std::mutex mutex;
    static std::map<bool, std::string> made;
    std::lock_guard lock(mutex);
    if (const auto it = made.find(rtl); it != made.end() && std::filesystem::exists(it->second)) return it->second;
    const std::string bytes = run({"pandoc", "--print-default-data-file", "reference.odt"}, "", timeout_ms);
    const auto path = (std::filesystem::temp_directory_path() /
                       ("avenir-reference-" + std::string(rtl ? "rtl" : "ltr") + "-" + std::to_string(getpid()) + ".odt"))
                          .string();
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    int error = 0;
    zip_t* zip = zip_open(path.c_str(), 0, &error);
    if (!zip) throw std::runtime_error("reference.odt: zip_open failed");
    const zip_int64_t index = zip_name_locate(zip, "styles.xml", 0);
    zip_stat_t st;
    if (index < 0 || zip_stat_index(zip, static_cast<zip_uint64_t>(index), 0, &st) != 0) {
        zip_discard(zip);
        throw std::runtime_error("reference.odt: no styles.xml");
    }
    std::string styles(st.size, '\0');
    zip_file_t* f = zip_fopen_index(zip, static_cast<zip_uint64_t>(index), 0);
    const auto n = f ? zip_fread(f, styles.data(), st.size) : -1;
    if (f) zip_fclose(f);
    if (n != static_cast<zip_int64_t>(st.size)) {
        zip_discard(zip);
        throw std::runtime_error("reference.odt: styles.xml unreadable");
    }
    // pandoc's styles.xml declares some namespaces twice (an XML error that LibreOffice forgives
    // and strict readers do not), the later declaration being the standard one: keep that.
    if (const auto open = styles.find("<office:document-styles"), close = styles.find('>', open); open != std::string::npos && close != std::string::npos) {
        std::vector<std::pair<std::string, std::string>> attributes;
        const std::string tag = styles.substr(open, close - open);
        for (std::size_t at = tag.find(' '); at != std::string::npos;) {
            const auto start = tag.find_first_not_of(" \t\r\n", at);
            const auto eq = start == std::string::npos ? std::string::npos : tag.find("=\"", start);
            const auto end = eq == std::string::npos ? std::string::npos : tag.find('"', eq + 2);
            if (end == std::string::npos) break;
            const std::string name = tag.substr(start, eq - start), value = tag.substr(eq + 2, end - eq - 2);
            std::erase_if(attributes, [&](const auto& a) { return a.first == name; });
            attributes.emplace_back(name, value);
            at = end + 1;
        }
        std::string rebuilt = "<office:document-styles";
        for (const auto& [name, value] : attributes) rebuilt += " " + name + "=\"" + value + "\"";
        styles.replace(open, close - open, rebuilt);
    }
    replace_all(styles, "</office:styles>",
                "<style:style style:name=\"Pagebreak\" style:family=\"paragraph\"><style:paragraph-properties fo:break-after=\"page\"/>"
                "</style:style></office:styles>");
    if (rtl) {
        replace_all(styles, "style:writing-mode=\"lr-tb\"", "style:writing-mode=\"rl-tb\"");
        replace_all(styles, "style:writing-mode=\"page\"", "style:writing-mode=\"rl-tb\"");
        replace_all(styles, "style:language-complex=\"zxx\"", "style:language-complex=\"ar\"");
    }
    zip_source_t* src = zip_source_buffer(zip, styles.data(), styles.size(), 0);
    if (!src || zip_file_replace(zip, static_cast<zip_uint64_t>(index), src, 0) != 0) {
        if (src) zip_source_free(src);
        zip_discard(zip);
        throw std::runtime_error("reference.odt: styles.xml not replaced");
    }
    if (zip_close(zip) != 0) throw std::runtime_error("reference.odt: not written");
    made[rtl] = path;
    return path;
}

}  // namespace

json pandoc_ast(const Document& d, Format f) {
    const bool rtl = d.lang == "ar" || d.lang.starts_with("ar-");
    json meta{{"lang", {{"t", "MetaString"}, {"c", d.lang}}}, {"dir", {{"t", "MetaString"}, {"c", rtl ? "rtl" : "ltr"}}}};
    if (!d.title.empty()) meta["title"] = meta_inlines(d.title);
    if (!d.subtitle.empty()) meta["subtitle"] = meta_inlines(d.subtitle);
    if (!d.date.empty()) meta["date"] = meta_inlines(d.date);
    json blocks = json::array();
    if (!d.note.empty()) blocks.push_back(para(d.note));
    // The title page ends here.
    if (f == Format::Docx) blocks.push_back({{"t", "RawBlock"}, {"c", {"openxml", "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"}}});
    else blocks.push_back({{"t", "RawBlock"}, {"c", {"opendocument", "<text:p text:style-name=\"Pagebreak\"/>"}}});
    for (const auto& a : d.articles) {
        blocks.push_back({{"t", "Header"}, {"c", {1, {"", json::array(), json::array()}, inlines(a.heading)}}});
        for (const auto& p : a.paragraphs)
            if (!p.empty()) blocks.push_back(para(p));
    }
    return {{"pandoc-api-version", {1, 22, 1}}, {"meta", meta}, {"blocks", blocks}};
}

std::string render(const Document& d, Format f, int timeout_ms) {
    std::vector<std::string> argv{"pandoc", "--from=json", f == Format::Docx ? "--to=docx" : "--to=odt", "--output=-"};
    if (f == Format::Odt) argv.push_back("--reference-doc=" + reference_odt(d.lang == "ar" || d.lang.starts_with("ar-"), timeout_ms));
    return run(argv, pandoc_ast(d, f).dump(), timeout_ms);
}

const char* content_type(Format f) {
    return f == Format::Docx ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                             : "application/vnd.oasis.opendocument.text";
}

const char* extension(Format f) { return f == Format::Docx ? "docx" : "odt"; }

}  // namespace avenir::documents
