/*
 * antropometri_sql.h - the columns of one child measurement's derived values,
 * shared by kkb.antropometri (zscore_sql.c) and the measurement trigger
 * (validasi_sql.c), so that a stored measurement and the function agree by
 * construction.
 */
#ifndef KKB_ANTROPOMETRI_SQL_H
#define KKB_ANTROPOMETRI_SQL_H

#include "postgres.h"

#include "zscore.h"

#define KKB_ANTRO_NCOLS 13

/* Column names, in the order of kkb.hasil_antropometri (and kkb.pengukuran's derived columns). */
extern const char *const kkb_antro_kolom[KKB_ANTRO_NCOLS];

/*
 * Fill values/nulls for the 13 columns from the core's result `a` for a child
 * aged `age_days`: z-scores as numeric with exactly the core's 2-decimal
 * rounding, category names, stunting and the flag names as text[].
 * Allocates in the current memory context.
 */
void		kkb_antro_kolom_isi(const struct kkb_anthro *a, int age_days, Datum *values, bool *nulls);

#endif
