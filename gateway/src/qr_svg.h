/*
 * qr_svg.h - a QR code's module matrix as SVG text (pure: no libqrencode, no
 * request), so that it has a unit test of its own (tests/unit/test_qr_svg.c).
 */
#ifndef KKB_GW_QR_SVG_H
#define KKB_GW_QR_SVG_H

/*
 * The SVG document of a width x width matrix (row by row; a module is dark
 * when the low bit of its byte is set: libqrencode's QRcode.data), with a
 * light quiet zone of `margin` modules around it: a white background and one
 * black <path> of horizontal runs, in module units (viewBox), so that it scales
 * crisply.  malloc'd, NUL-terminated; NULL when out of memory or width < 1.
 */
char	   *gw_qr_svg(const unsigned char *modules, int width, int margin);

#endif
