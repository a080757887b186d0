/*
 * qr_svg.c - a QR code's module matrix as SVG text (see qr_svg.h).
 *
 * Each row's runs of dark modules become "M<x> <y>h<n>v1h-<n>z" in one path:
 * a 33 x 33 code of a sign-in link is some 3-6 KB, drawn by every browser
 * without a script, and shape-rendering="crispEdges" keeps the modules sharp.
 */
#include "qr_svg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct buf
{
	char	   *s;
	size_t		len,
				cap;
	int			failed;
} buf;

static void
put(buf *b, const char *fmt, int x, int y, int n)
{
	int			need;

	if (b->failed)
		return;
	for (;;)
	{
		need = snprintf(b->s + b->len, b->cap - b->len, fmt, x, y, n, n);
		if (need < 0)
		{
			b->failed = 1;
			return;
		}
		if ((size_t) need < b->cap - b->len)
			break;
		{
			size_t		cap = b->cap * 2 + (size_t) need;
			char	   *s = realloc(b->s, cap);

			if (s == NULL)
			{
				b->failed = 1;
				return;
			}
			b->s = s;
			b->cap = cap;
		}
	}
	b->len += (size_t) need;
}

char *
gw_qr_svg(const unsigned char *modules, int width, int margin)
{
	buf			b = {NULL, 0, 1024, 0};
	int			size;

	if (modules == NULL || width < 1 || width > 1000 || margin < 0 || margin > 100)
		return NULL;
	size = width + 2 * margin;
	if ((b.s = malloc(b.cap)) == NULL)
		return NULL;
	b.s[0] = '\0';
	/* (x, y, n, n): the format uses what it needs; the numbers are the view box's size */
	put(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %1$d %1$d\" shape-rendering=\"crispEdges\">"
		"<rect width=\"%1$d\" height=\"%1$d\" fill=\"#fff\"/><path fill=\"#000\" d=\"", size, 0, 0);
	for (int y = 0; y < width; y++)
	{
		int			x = 0;

		while (x < width)
		{
			int			n = 0;

			if (!(modules[y * width + x] & 1))
			{
				x++;
				continue;
			}
			while (x + n < width && (modules[y * width + x + n] & 1))
				n++;
			put(&b, "M%d %dh%dv1h-%dz", x + margin, y + margin, n);
			x += n;
		}
	}
	put(&b, "\"/></svg>", 0, 0, 0);
	if (b.failed)
	{
		free(b.s);
		return NULL;
	}
	return b.s;
}
