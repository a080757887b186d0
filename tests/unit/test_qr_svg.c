/*
 * test_qr_svg.c - unit tests of the SVG drawing of a QR code's module matrix
 * (gateway/src/qr_svg.c, used for the QR codes of sign-in links): the view
 * box with its quiet zone, one path of horizontal runs of dark modules (only
 * the low bit of a module counts, as in libqrencode's matrix), and bad input.
 */
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "../../gateway/src/qr_svg.c"

#define KOP "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 11 11\""

int
main(void)
{
	/* 3 x 3: a dark run of 2 on row 0, nothing on row 1, a single module and a bit other than the low one on row 2 */
	const unsigned char m[9] = {1, 0x81, 0, 0, 0, 0, 0xc1, 0x02, 1};
	char	   *svg = gw_qr_svg(m, 3, 4);
	unsigned char *big;
	int			runs = 0;

	ok(svg != NULL, "a 3 x 3 matrix is drawn");
	if (svg == NULL)
		return done_testing();
	ok(strncmp(svg, KOP, strlen(KOP)) == 0,
	   "an <svg> whose view box is the matrix and a quiet zone of 4 modules on each side (11 x 11)");
	ok(strstr(svg, "<rect width=\"11\" height=\"11\" fill=\"#fff\"/>") != NULL, "on a white background");
	is_str(strstr(svg, "d=\""), "d=\"M4 4h2v1h-2zM4 6h1v1h-1zM6 6h1v1h-1z\"/></svg>",
		   "one path: a run of two on row 0, single modules on row 2, the quiet zone's offset; only the low bit counts");
	ok(svg[strlen(svg) - 1] == '>', "a complete document");
	free(svg);

	svg = gw_qr_svg(m, 3, 0);
	ok(svg != NULL && strstr(svg, "viewBox=\"0 0 3 3\"") && strstr(svg, "d=\"M0 0h2v1h-2z"), "without a quiet zone");
	free(svg);

	/* a version 40 code (177 x 177), every module dark: one run per row */
	big = malloc(177 * 177);
	memset(big, 1, 177 * 177);
	svg = gw_qr_svg(big, 177, 4);
	for (const char *p = svg; p && (p = strstr(p, "h177v1h-177z")) != NULL; p++)
		runs++;
	is_int(runs, 177, "the largest code, all dark: 177 runs of 177 (the buffer grows as needed)");
	free(svg);
	memset(big, 0, 177 * 177);
	svg = gw_qr_svg(big, 177, 4);
	ok(svg != NULL && strstr(svg, "d=\"\"/>") != NULL, "all light: an empty path");
	free(svg);
	free(big);

	ok(gw_qr_svg(NULL, 3, 4) == NULL, "no matrix: NULL");
	ok(gw_qr_svg(m, 0, 4) == NULL, "width 0: NULL");
	ok(gw_qr_svg(m, 3, -1) == NULL, "a negative margin: NULL");
	return done_testing();
}
