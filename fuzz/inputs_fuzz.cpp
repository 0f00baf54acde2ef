// libFuzzer target for the request input that parsers_fuzz does not reach: whole requests through
// the pipeline, streamed multipart bodies, Range and conditional headers, Accept-Language and the
// language prefix, X-Forwarded-For, the form values of the planner, the library editor and the
// guide editor, and credentials (password policy with cracklib, TOTP and recovery codes). Built by `make fuzz`. The first input byte picks the family (see the switch).
//
// Each family checks a property beyond sanitizer findings; they are listed at each function.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <ctime>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_scratch.hpp"
#include "core/errors.hpp"
#include "core/http/forwarded.hpp"
#include "core/http/page_cache.hpp"
#include "core/http/pipeline.hpp"
#include "core/http/range.hpp"
#include "core/http/request.hpp"
#include "core/http/router.hpp"
#include "core/http/static_files.hpp"
#include "core/i18n/i18n.hpp"
#include "core/log.hpp"
#include "core/security/password.hpp"
#include "core/security/totp.hpp"
#include "modules/guide/guide_content.hpp"
#include "modules/guide/guide_timing.hpp"
#include "modules/library/library_types.hpp"

using namespace avenir;
using namespace avenir::http;
namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const char* what, std::string_view detail = {}) {
    std::fprintf(stderr, "inputs_fuzz: %s: %.*s\n", what, static_cast<int>(detail.size()), detail.data());
    std::abort();
}

// Splits off the first line (without its '\n').
std::string_view take_line(std::string_view& in) {
    const std::size_t nl = in.find('\n');
    const std::string_view line = in.substr(0, nl);
    in = nl == std::string_view::npos ? std::string_view{} : in.substr(nl + 1);
    return line;
}

std::vector<std::pair<std::string, std::string>> header_lines(std::string_view& in) {
    std::vector<std::pair<std::string, std::string>> headers;
    while (!in.empty()) {
        const std::string_view line = take_line(in);
        if (line.empty() || line == "\r") break;
        const std::size_t colon = line.find(':');
        std::string name(line.substr(0, colon));
        for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        std::string_view value = colon == std::string_view::npos ? std::string_view{} : line.substr(colon + 1);
        while (value.starts_with(' ')) value.remove_prefix(1);
        headers.emplace_back(std::move(name), std::string(value));
    }
    return headers;
}

const fs::path& scratch() { return avenir_fuzz::scratch_dir("inputs-fuzz"); }

// ---- whole requests ------------------------------------------------------------------------------
// A router shaped like the application's (ids, slugs, a rest-of-path, static files, a download with
// Range, forms that redirect to a "next" address), behind the application's before_route
// (language prefix, X-Forwarded-For, Accept-Language) and a page cache.
// Checks: the pipeline never throws; every status is 100..599; no header name or value can split
// the response (CR, LF, NUL); a Location is a local path; a file span lies inside the file; a
// page served again from the cache keeps its status.
constexpr std::uint64_t kDownloadSize = 5000;

struct Site {
    Router router;
    StaticFiles statics{fs::path(AVENIR_SOURCE_DIR) / "static"};
    PageCache cache{std::chrono::seconds(60)};
    std::vector<std::string> trusted{"127.0.0.1", "::1"};
    std::string download = (scratch() / "download.pdf").string();
    std::unique_ptr<Pipeline> pipeline;

    Site() {
        log::set_file("/dev/null");
        std::ofstream(download, std::ios::binary) << std::string(kDownloadSize, 'x');
        const RouteOptions cached{.cache_anonymous = true};
        router.get("/", [](Request& req) { return Response::html("home " + req.lang); }, cached);
        router.get("/library", [](Request& req) {
            std::string out = "q=" + req.query("q") + " page=" + req.query("page");
            for (const auto& [k, v] : parse_query(req.query_string)) out += " " + k + "=" + v;
            if (const auto c = req.cookie("avenir_session")) out += " session";
            return Response::text(out);
        }, cached);
        router.get("/library/{id}", [](Request& req) { return Response::text(std::to_string(req.path_int("id"))); }, cached);
        router.get("/library/{id}/files/{file_id}", [this](Request& req) {
            req.path_int("id"), req.path_int("file_id");
            return file_response(req, download, kDownloadSize, "application/pdf", "\"0123abcd\"");
        });
        router.post("/library/{id}/edit", [](Request& req) {
            const Form& f = req.form();
            const std::string next = f.get("next");
            return Response::redirect(next.empty() ? "/library/" + std::to_string(req.path_int("id")) : next);
        }, RouteOptions{.max_body = 4096});
        router.post("/upload", [](Request& req) {
            std::string out;
            for (const auto& file : req.form().files()) out += file.field + ":" + file.filename + ":" + std::to_string(file.read().size()) + "\n";
            return Response::text(out);
        });
        router.get("/regions/{slug}", [](Request& req) { return Response::html("region " + req.param("slug")); }, cached);
        router.get("/guide/{rest...}", [](Request& req) { return Response::text(req.param("rest")); });
        router.get("/healthz", [](Request&) { return Response::text("ok"); }, RouteOptions{.inline_handler = true});
        statics.add_routes(router);
        PipelineOptions options;
        options.page_cache = &cache;
        options.upload_dir = scratch().string();
        options.before_route = [this](Request& req) {
            auto split = i18n::split_lang_prefix(req.path);
            req.path = split.rest;
            apply_forwarded_for(req, trusted);
            const auto accept = req.header("accept-language");
            req.lang = split.had_prefix ? split.lang : i18n::negotiate_language(accept.value_or(""));
        };
        options.may_be_signed_in = [](const Request& req) { return req.cookie("avenir_session").has_value(); };
        pipeline = std::make_unique<Pipeline>(router, options);
    }
};

Site& site() {
    static Site s;
    return s;
}

bool token_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

void check_response(const Response& res) {
    if (res.status < 100 || res.status > 599) fail("status out of range", std::to_string(res.status));
    for (const auto& [name, value] : res.headers) {
        if (name.empty() || !std::all_of(name.begin(), name.end(), token_char)) fail("bad header name", name);
        if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos) fail("CR, LF or NUL in a header value", name + ": " + value);
    }
    if (const auto location = res.header("Location"))
        if (location->empty() || location->front() != '/' || (location->size() > 1 && ((*location)[1] == '/' || (*location)[1] == '\\')))
            fail("non-local Location", *location);
    if (res.file && res.file->offset + res.file->length > kDownloadSize) fail("file span past the end of the file");
    if (res.wire) {
        const std::string& head = res.wire->head;
        if (!head.starts_with("HTTP/1.")) fail("wire head without a status line", head);
        for (std::size_t i = 0; i < head.size(); ++i)
            if ((head[i] == '\r' && (i + 1 == head.size() || head[i + 1] != '\n')) || (head[i] == '\n' && (i == 0 || head[i - 1] != '\r')))
                fail("bare CR or LF in a wire head", head);
    }
}

void fuzz_request(std::string_view in) {
    Site& s = site();
    s.cache.clear();
    const std::string_view first = take_line(in);
    const std::size_t space = first.find(' ');
    Request proto;
    proto.method = space == std::string_view::npos ? Method::Get : parse_method(first.substr(0, space));
    proto.target = std::string(space == std::string_view::npos ? first : first.substr(space + 1));
    if (proto.target.ends_with('\r')) proto.target.pop_back();
    proto.headers = header_lines(in);
    proto.body = std::string(in);
    proto.remote_address = "127.0.0.1";
    int first_status = 0;
    for (int round = 0; round < 2; ++round) {  // the second may be a page-cache hit
        Request req = proto;
        s.pipeline->prepare(req);
        (void)s.pipeline->body_limit(req);
        std::optional<Response> res = s.pipeline->try_inline(req, round == 1);
        if (!res) res = s.pipeline->handle(req, round == 1);
        check_response(*res);
        static const bool verbose = std::getenv("INPUTS_FUZZ_VERBOSE") != nullptr;  // to check new seeds
        if (verbose) std::fprintf(stderr, "%s %s -> %d%s\n", std::string(method_name(req.method)).c_str(), proto.target.c_str(),
                                  res->wire ? res->wire->status : res->status, res->wire ? " (wire)" : "");
        const int status = res->wire ? res->wire->status : res->status;
        if (round == 0) first_status = status;
        else if (status != first_status && first_status == 200) fail("a cached page changed status", std::to_string(status));
    }
}

// ---- streamed multipart --------------------------------------------------------------------------
// The server feeds a multipart body in the chunks the network delivers. Checks: any split gives
// the same form (fields, files and their bytes) or the same refusal as the body in one piece.
void fuzz_multipart(std::string_view in) {
    if (in.empty()) return;
    unsigned seed = static_cast<unsigned char>(in[0]);
    in.remove_prefix(1);
    const std::string content_type(take_line(in));
    std::optional<Form> whole, streamed;
    try {
        whole = parse_multipart(in, content_type, scratch());
    } catch (const HttpError&) {
    }
    try {
        MultipartParser parser(content_type, scratch(), 1 << 20);
        for (std::string_view rest = in; !rest.empty();) {
            seed = seed * 1103515245u + 12345u;
            const std::size_t n = std::min<std::size_t>(rest.size(), 1 + (seed >> 16) % 97);
            parser.feed(rest.substr(0, n));
            rest.remove_prefix(n);
        }
        streamed = parser.finish();
    } catch (const HttpError&) {
    }
    if (whole.has_value() != streamed.has_value()) fail(whole ? "only the streamed body is refused" : "only the whole body is refused");
    if (!whole) return;
    if (whole->fields() != streamed->fields()) fail("fields differ between whole and streamed bodies");
    if (whole->files().size() != streamed->files().size()) fail("file counts differ");
    for (std::size_t i = 0; i < whole->files().size(); ++i) {
        const UploadedFile &a = whole->files()[i], &b = streamed->files()[i];
        if (a.field != b.field || a.filename != b.filename || a.content_type != b.content_type || a.read() != b.read())
            fail("files differ between whole and streamed bodies", a.filename);
    }
}

// ---- Range, If-None-Match, If-Range --------------------------------------------------------------
// Input: the representation's size on the first line, then header lines (range, if-range,
// if-none-match; "etag: x" picks the server's ETag shape by the value's length). Checks: a 206 names a non-empty span inside the file and says so in
// Content-Range; a 416 says "bytes */size"; nothing else but 200 and 304.
void fuzz_range(std::string_view in, bool head) {
    const std::string_view size_line = take_line(in);
    std::uint64_t size = 0;
    for (const char c : size_line.substr(0, 19))
        if (c >= '0' && c <= '9') size = size * 10 + static_cast<std::uint64_t>(c - '0');
    Request req;
    req.method = head ? Method::Head : Method::Get;
    req.headers = header_lines(in);
    // The ETag is the server's own (a content hash), so only its shapes vary: quoted, weak, bare, none.
    static constexpr std::string_view kTags[] = {"\"v1\"", "W/\"v1\"", "v1", ""};
    std::string etag(kTags[0]);
    for (const auto& [k, v] : req.headers)
        if (k == "etag") etag = kTags[v.size() % 4];
    if (const auto range = req.header("range")) {
        const ByteRange r = parse_range(*range, size);
        if (r.kind == ByteRange::Kind::Partial && (r.first > r.last || r.last >= size)) fail("parse_range: span outside the file", *range);
    }
    const Response res = file_response(req, "/nonexistent", size, "application/pdf", etag);
    check_response(Response{res.status, res.headers});
    const std::string total = "/" + std::to_string(size);
    switch (res.status) {
        case 200: case 304: break;
        case 206: {
            if (!res.file || res.file->length == 0 || res.file->offset + res.file->length > size || res.file->offset + res.file->length < res.file->offset)
                fail("206 with a span outside the file");
            const std::string expected = "bytes " + std::to_string(res.file->offset) + "-" + std::to_string(res.file->offset + res.file->length - 1) + total;
            if (res.header("Content-Range").value_or("") != expected) fail("Content-Range does not match the span", expected);
            break;
        }
        case 416:
            if (res.header("Content-Range").value_or("") != "bytes */" + std::to_string(size)) fail("416 without bytes */size");
            break;
        default: fail("unexpected status", std::to_string(res.status));
    }
}

// ---- languages -----------------------------------------------------------------------------------
// Checks: Accept-Language always gives one of our languages; a path's language prefix splits off
// into a path that starts with '/', and a localised path splits back into its language and path.
void fuzz_language(std::string_view in) {
    const std::string lang = i18n::negotiate_language(in);
    if (!i18n::find_language(lang)) fail("negotiated a language we do not have", lang);
    if (!in.starts_with('/')) return;  // request paths always start with '/' (the pipeline refuses others)
    const i18n::PrefixSplit split = i18n::split_lang_prefix(in);
    if (split.rest.empty() || split.rest.front() != '/') fail("path without its leading slash", split.rest);
    if (split.had_prefix ? !in.starts_with("/" + split.lang) : split.lang != "en") fail("prefix flag and language disagree", in);
    for (const auto& l : i18n::languages()) {
        if (l.code == "en") continue;
        const i18n::PrefixSplit back = i18n::split_lang_prefix(i18n::localized_path(l.code, in));
        if (!back.had_prefix || back.lang != l.code || back.rest != in) fail("localized_path does not split back", l.code + std::string(in));
    }
}

// ---- X-Forwarded-For -----------------------------------------------------------------------------
// Input: the peer's address, the trusted proxies (comma-separated), then the header. Checks: list
// items are trimmed, non-empty and comma-free; the address taken is the peer's or an untrusted hop.
void fuzz_forwarded(std::string_view in) {
    Request req;
    req.remote_address = std::string(take_line(in));
    const std::vector<std::string> trusted = parse_address_list(take_line(in));
    const std::string header(take_line(in));
    req.headers.emplace_back("x-forwarded-for", header);
    const auto hops = parse_address_list(header);
    for (const auto& h : hops)
        if (h.empty() || h.find(',') != std::string::npos || h.front() == ' ' || h.front() == '\t' || h.back() == ' ' || h.back() == '\t')
            fail("untrimmed address list item", h);
    const std::string peer = req.remote_address;
    apply_forwarded_for(req, trusted);
    if (req.remote_address != peer) {
        if (std::find(hops.begin(), hops.end(), req.remote_address) == hops.end()) fail("address not from the header", req.remote_address);
        if (std::find(trusted.begin(), trusted.end(), req.remote_address) != trusted.end()) fail("a trusted proxy taken as the client");
        if (std::find(trusted.begin(), trusted.end(), peer) == trusted.end()) fail("an untrusted peer spoofed its address");
    }
}

// ---- form values ---------------------------------------------------------------------------------
// A url-encoded form as the planner, the library editor and the guide editor read it. Checks: a
// start time parses to a minute of the day and prints back to itself; a schedule's clock times
// follow the steps; library facet keys and theme numbers round-trip; validate() accepts what it
// accepted once (it sorts and fills defaults); the guide editor's workshop is accepted or refused
// with a ContentError.
int number(const std::string& s, int fallback) {  // as the guide editor reads numbers
    int v = fallback;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

void fuzz_form(std::string_view in) {
    Form f;
    for (auto& [k, v] : parse_query(in)) f.add(std::move(k), std::move(v));

    // Planner: start time and a schedule.
    if (const auto start = guide::parse_clock(f.get("start"))) {
        if (*start < 0 || *start >= 1440) fail("start outside the day", f.get("start"));
        if (guide::parse_clock(guide::clock(*start)) != start) fail("clock() does not parse back", f.get("start"));
        std::vector<guide::TimedStep> steps;
        for (const auto& m : f.all("minutes")) {
            const int n = std::clamp(number(m, 0), 0, 180);
            steps.push_back({n, n + 5, m.ends_with("o"), !m.ends_with("s")});
        }
        const int factor = std::clamp(number(f.get("factor"), 100), 100, 400);
        const guide::Schedule s = guide::schedule(steps, {start, factor / 100.0, !f.has("short")});
        if (s.total_min > s.total_max || (s.earliest_end && *s.earliest_end != *start + s.total_min)) fail("schedule totals");
        (void)guide::duration_label(s.total_min, s.total_max);
    }

    // Library: facets from the query string and the editor's resource.
    for (const auto& t : f.all("theme"))
        if (const auto n = library::theme_number(t)) {
            if (*n < 1 || *n > 7 || library::theme_number(library::theme_key(*n)) != n) fail("theme number does not round-trip", t);
        }
    library::Resource r;
    r.type = f.get("type"), r.date = f.get("date"), r.url = f.get("url"), r.publisher = f.get("publisher");
    r.regions = f.all("regions"), r.audiences = f.all("audiences");
    for (const auto& t : f.all("themes")) r.themes.push_back(library::theme_number(t).value_or(0));
    r.duration_seconds = number(f.get("duration_minutes"), 0) * std::int64_t{60};
    for (const auto lang : library::kLanguages) {
        const std::string l(lang);
        library::Version v{l, f.get("title_" + l), f.get("summary_" + l), f.get("body_" + l), {}, f.get("url_" + l), {}};
        if (!v.title.empty() || !v.summary.empty() || !v.body_md.empty() || !v.url.empty()) r.versions.push_back(std::move(v));
    }
    if (library::validate(r).empty() && !library::validate(r).empty()) fail("validate() refuses what it accepted");

    // Guide editor: the workshop the form describes, checked by guide::validate.
    if (f.has("slug")) {
        guide::Workshop w;
        w.slug = f.get("slug"), w.status = f.get("status"), w.level = f.get("level");
        for (const auto& t : f.all("themes")) w.themes.push_back(number(t, 0));
        w.audiences = f.all("audiences"), w.delivery = f.all("delivery");
        const int n = std::min(number(f.get("steps"), 0), 50);
        for (int i = 0; i < n; ++i) {
            const std::string k = std::to_string(i);
            w.steps.push_back({f.get("id_" + k), f.get("phase_" + k), f.get("grouping_" + k), number(f.get("min_" + k), 0),
                               number(f.get("max_" + k), 0), f.has("optional_" + k), f.has("speaking_" + k), {}});
        }
        w.texts["en"] = nlohmann::json{{"title", f.get("title")}};
        try {
            guide::validate(w, "form");
        } catch (const ContentError&) {
        }
    }
}

// ---- credentials ---------------------------------------------------------------------------------
// Input: a password, then context words (name, e-mail) one per line; the first line is also tried
// as a TOTP code and a recovery code. Checks: every password problem is one of the policy's
// messages; a code verifies only when it is the current code (spaces aside); a normalised recovery
// code holds no space, dash or upper-case letter.
void fuzz_credentials(std::string_view in) {
    const std::string_view first = take_line(in);
    std::vector<std::string> context;
    while (!in.empty() && context.size() < 4) context.emplace_back(take_line(in));
    namespace msg = security::password_msg;
    for (const auto& problem : security::password_problems(first, security::PasswordPolicy{}, context))
        if (problem != msg::kPublicTooShort12 && problem != msg::kPublicTooLong128 && problem != msg::kPublicInvalidText &&
            problem != msg::kPublicCommon && problem != msg::kPublicPredictable && problem != msg::kPublicFewDifferent &&
            problem != msg::kPublicPersonal)
            fail("unknown password problem", problem);

    static constexpr std::string_view kSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    constexpr std::time_t kNow = 1733300000;
    const std::string current = security::totp_code(kSecret, kNow);
    std::string digits;
    for (const char c : first)
        if (c != ' ') digits += c;
    const auto step = security::verify_totp(kSecret, first, kNow, 0);
    if (step.has_value() != (digits == current)) fail("verify_totp disagrees with the current code", first);

    for (const char c : security::normalize_recovery_code(first))
        if (c == ' ' || c == '-' || (c >= 'A' && c <= 'Z')) fail("recovery code not normalised", first);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view in(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 8) {  // the seeds start with a letter: H..O pick 0..7
        case 0: fuzz_request(in); break;        // H
        case 1: fuzz_multipart(in); break;      // I
        case 2: fuzz_range(in, false); break;   // J
        case 3: fuzz_range(in, true); break;    // K
        case 4: fuzz_language(in); break;       // L
        case 5: fuzz_forwarded(in); break;      // M
        case 6: fuzz_form(in); break;           // N
        case 7: fuzz_credentials(in); break;    // O
    }
    return 0;
}
