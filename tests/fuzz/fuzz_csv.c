/* SPDX-License-Identifier: ISC */
/*
 * fuzz_csv: libFuzzer target for the CSV reader (libcsv, line by line) and
 * the appendix table built from it: the input is the body of a CSV export
 * of the appendix, below its header row.
 */

#define FUZZ_FILE "fuzz.csv"
#define FUZZ_HEADER "Người thực hiện chính,Ý kiến Hội đồng thẩm định,STT," \
	"Lĩnh vực / Tiêu chí / Tiêu chí thành phần,Điểm tự đánh giá," \
	"Điểm chuẩn,Điểm trừ so với điểm chuẩn,Điểm thẩm định\n"
#include "fuzz_table.h"
