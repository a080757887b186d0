/*
 * xlsx.h - list answers as an Excel workbook (GET <list>.xlsx).
 */
#ifndef KKB_GW_XLSX_H
#define KKB_GW_XLSX_H

#include <stddef.h>
#include <jansson.h>

/*
 * The rows (a JSON array of objects) as an .xlsx workbook of one sheet
 * "data": a bold header row of the columns (gw_rows_flatten: nested values
 * flattened), kept in view and with filters, then one row per object - text as
 * text cells (so codes such as 13.10 and 16-digit NIKs stay text, and no
 * text is ever a formula), numbers as numbers (more than 15 digits: text),
 * booleans as booleans, null as an empty cell.  Returns the malloc'd bytes
 * (their number in *len), or NULL with the reason in err.
 */
char	   *gw_xlsx_write(json_t *rows, size_t *len, char *err, size_t errlen);

#endif
