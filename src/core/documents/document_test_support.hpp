#pragma once
// For tests that read documents back: a member of a ZIP archive held in memory (DOCX and ODT are
// ZIP packages), and the text of an XML part.
#include <zip.h>

#include <string>

namespace avenir::documents::testing {

// The member's bytes; empty when the archive or the member is missing.
inline std::string zip_member(const std::string& archive, const char* name) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(archive.data(), archive.size(), 0, &error);
    zip_t* zip = src ? zip_open_from_source(src, ZIP_RDONLY, &error) : nullptr;
    if (!zip) {
        if (src) zip_source_free(src);
        return "";
    }
    zip_stat_t st;
    std::string out;
    if (zip_stat(zip, name, 0, &st) == 0) {
        out.resize(st.size);
        if (zip_file_t* f = zip_fopen(zip, name, 0)) {
            zip_fread(f, out.data(), st.size);
            zip_fclose(f);
        }
    }
    zip_close(zip);
    return out;
}

// The text of an XML part: tags dropped, a paragraph's end as a new line, a page break as [PAGE].
inline std::string text_of(const std::string& xml) {
    std::string out;
    for (std::size_t i = 0; i < xml.size();) {
        if (xml[i] != '<') {
            out += xml[i++];
            continue;
        }
        const auto end = xml.find('>', i);
        if (end == std::string::npos) break;
        const std::string tag = xml.substr(i, end - i + 1);
        if (tag.find("w:type=\"page\"") != std::string::npos) out += "[PAGE]";
        if (tag == "</w:p>" || tag == "</text:p>" || tag == "</text:h>") out += "\n";
        i = end + 1;
    }
    return out;
}

}  // namespace avenir::documents::testing
