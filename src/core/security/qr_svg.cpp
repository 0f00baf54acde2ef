// qr_svg(): one <path> of horizontal runs, so a TOTP QR code is a few kilobytes of markup.
#include "core/security/totp.hpp"

#include <memory>
#include <stdexcept>

#include <qrencode.h>

#include "core/html.hpp"

namespace avenir::security {

std::string qr_svg(std::string_view text, std::string_view aria_label) {
    if (text.find('\0') != std::string_view::npos) throw std::invalid_argument("QR text contains NUL");
    const std::string input(text);
    std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
        QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!qr) throw std::invalid_argument("text does not fit in a QR code");

    constexpr int kQuiet = 4;       // modules of white margin the QR standard asks for
    constexpr int kPixels = 4;      // default size per module; CSS may scale the image
    const int w = qr->width;
    const int size = w + 2 * kQuiet;
    std::string d;
    for (int y = 0; y < w; ++y) {
        for (int x = 0; x < w;) {
            if (!(qr->data[y * w + x] & 1)) {
                ++x;
                continue;
            }
            int run = 1;
            while (x + run < w && (qr->data[y * w + x + run] & 1)) ++run;
            d += "M" + std::to_string(x + kQuiet) + " " + std::to_string(y + kQuiet) + "h" + std::to_string(run) +
                 "v1h-" + std::to_string(run) + "z";
            x += run;
        }
    }
    const std::string n = std::to_string(size);
    const std::string px = std::to_string(size * kPixels);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 " + n + " " + n + "\" width=\"" + px +
           "\" height=\"" + px + "\" role=\"img\" aria-label=\"" + html_escape(aria_label) +
           "\" shape-rendering=\"crispEdges\"><rect width=\"" + n + "\" height=\"" + n +
           "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + d + "\"/></svg>";
}

}  // namespace avenir::security
