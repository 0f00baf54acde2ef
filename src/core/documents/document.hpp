#pragma once
// Word-processor documents (DOCX and ODT) made by pandoc from its JSON document model, so that the
// file formats come from a maintained converter rather than hand-written XML: a title page (title,
// subtitle, date, a note), then numbered articles with headings, in one language and direction
// (right to left for Arabic). Shared by the modules that hand people documents to adapt and send:
// the bargaining hub's proposals, the register's information requests.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace avenir::documents {

struct Article {
    std::string heading;                  // "Article 3. Notice before monitoring", as it is printed
    std::vector<std::string> paragraphs;  // plain text
};

struct Document {
    std::string lang = "en";  // BCP 47; "ar" makes the whole document right to left
    std::string title, subtitle, date, note;
    std::vector<Article> articles;
};

enum class Format { Docx, Odt };

// The pandoc JSON document (API 1.22, pandoc 2.17) of d for a format: metadata (title, subtitle,
// date, lang, dir), the title page, a page break, one level-1 heading and its paragraphs per article.
nlohmann::json pandoc_ast(const Document& d, Format f);

// The file's bytes, made by running pandoc (found on PATH) on pandoc_ast(d, f). Throws
// std::runtime_error when pandoc is missing, fails or takes longer than timeout_ms (it is killed).
std::string render(const Document& d, Format f, int timeout_ms = 20000);

// The MIME type and file extension of a format.
const char* content_type(Format f);
const char* extension(Format f);

}  // namespace avenir::documents
